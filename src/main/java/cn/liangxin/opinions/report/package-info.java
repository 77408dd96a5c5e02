/**
 * The monthly report up the tree (seed 000 §三(一), docs/documents.md): on the first
 * working day of each month every supervising committee gets the previous month's figures
 * of its organizations to review and submit ({@code monthly-report}, task
 * {@code reviewMonthlyReport}); the district sees every submitted report and a
 * district-wide summary.
 */
package cn.liangxin.opinions.report;
