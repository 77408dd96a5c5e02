/**
 * What lets several nodes share one database (docs/operations.md, "Two or more nodes"):
 * start-ups one after another ({@link cn.liangxin.opinions.node.StartupLock}); jobs are
 * the engine's (optimistic locking), sessions are Spring Session JDBC's, and who is who
 * is versioned in the database ({@code workflow.IdentityVersion}).
 */
package cn.liangxin.opinions.node;
