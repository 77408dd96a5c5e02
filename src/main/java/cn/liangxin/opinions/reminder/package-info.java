/**
 * When to remind and escalate on a deadline task, and when to send the daily digest.
 * <p>
 * Only the schedule: which reminders a {@link cn.liangxin.opinions.calendar.Deadline}
 * gets and at which instant. Delivery, recipients and templates are not here. Plain Java
 * on purpose, like the calendar: no Spring and no Camunda. Every date and time is taken
 * in {@link cn.liangxin.opinions.calendar.WorkingDayCalendar#ZONE Asia/Shanghai}, never
 * in the JVM's default time zone.
 */
package cn.liangxin.opinions.reminder;
