/**
 * The application's HTTP edge, in front of every page and API: the start-up gate (503
 * until ready), the security headers, and the error answers of Camunda's REST APIs in the
 * application's error shape.
 */
package cn.liangxin.opinions.web;
