/**
 * Access: who is calling ({@link cn.liangxin.opinions.access.ApiAuthenticationFilter}:
 * HTTP Basic or the webapps' session, for {@code /api/**} and {@code /engine-rest/**}),
 * the Camunda identity kept in step with the organization tree
 * ({@link cn.liangxin.opinions.access.IdentitySync}: users, groups, one tenant per
 * organization) and the engine authorizations every user gets
 * ({@link cn.liangxin.opinions.access.AuthorizationBootstrap}). See docs/security.md.
 */
package cn.liangxin.opinions.access;
