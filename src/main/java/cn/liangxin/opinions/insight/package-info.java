/**
 * The managers' view: where cases pile up (the heatmap on the process diagram) and how
 * the deadlines are kept (the deadline dashboard), aggregated in SQL from Camunda's
 * history, the register and the flows taken, within the caller's part of the organization
 * tree; served to the Cockpit plugins by {@code /api/insight/*}.
 */
package cn.liangxin.opinions.insight;
