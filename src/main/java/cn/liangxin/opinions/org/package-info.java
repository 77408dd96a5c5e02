/**
 * Organizations: the tree district → supervising committees (主管党（工）委) → organizations
 * ("两新"组织) → enterprise departments, and the Camunda group names derived from it.
 */
package cn.liangxin.opinions.org;
