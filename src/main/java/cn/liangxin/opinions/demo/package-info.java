/**
 * Demo data for the embedded default: organizations, users (password {@code demo}),
 * groups, tenants, Tasklist filters and a few cases, created once on an empty database
 * when {@code opinion.demo.enabled} is true.
 */
package cn.liangxin.opinions.demo;
