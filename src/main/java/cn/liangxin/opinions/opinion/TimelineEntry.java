package cn.liangxin.opinions.opinion;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One step of a case's story (案卷): when it happened ({@code at}, or only the day
 * {@code on} for what the register wrote without a time), what ({@code kind} and its
 * Chinese {@code label}), who, what they wrote, the stage and its due day, and for a
 * deadline task done whether the deadline was kept.
 */
public record TimelineEntry(Instant at, LocalDate on, String kind, String label, String actor, String text,
		String stage, LocalDate dueOn, Boolean kept) {

}
