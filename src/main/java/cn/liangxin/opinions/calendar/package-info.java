/**
 * The Chinese working-day calendar: Monday to Friday, minus the statutory holidays and
 * plus the make-up working days (调休上班) published each year by the State Council.
 * <p>
 * Plain Java on purpose: no Spring and no Camunda in this package, so the rules can be
 * read and tested on their own. Dates are always taken in {@link WorkingDayCalendar#ZONE
 * Asia/Shanghai}, never in the JVM's default time zone.
 */
package cn.liangxin.opinions.calendar;
