/**
 * Deadlines in working days: loads the {@link cn.liangxin.opinions.calendar working-day
 * calendar} from the bundled and the operator's arrangement files and lets an
 * administrator inspect and reload it.
 */
package cn.liangxin.opinions.deadline;
