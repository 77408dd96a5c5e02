package cn.liangxin.opinions.workflow;

import java.time.LocalTime;
import java.util.Map;

import cn.liangxin.opinions.reminder.ReminderKind;
import cn.liangxin.opinions.reminder.ReminderRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code opinion.reminders.*}: defaults, rules per task kind, and refusals that name the
 * property.
 */
class ReminderSettingsTest {

	@Test
	void withNothingSetEveryDeadlineTaskGetsHalfWayDayBeforeAndDueDayAndTheEscalationAfterFiveDays() {
		ReminderSettings settings = new ReminderSettings(null, null, null, null, null);

		for (String task : ReminderSettings.DEADLINE_TASKS) {
			assertThat(settings.rulesOf(task)).extracting(ReminderRule::text)
				.containsExactly("50%@09:00", "-1d@09:00", "0d@09:00");
		}
		assertThat(settings.secondEscalationAfter()).isEqualTo(5);
		assertThat(settings.retryCycle()).isEqualTo("R5/PT5M");
		assertThat(settings.digestTime()).isEqualTo(LocalTime.of(8, 30));
		assertThat(settings.digestHorizon()).isEqualTo(2);
	}

	@Test
	void eachTaskKindHasItsOwnRulesAndAnEmptyTextMeansNoReminders() {
		ReminderSettings settings = new ReminderSettings(
				Map.of("departmentHandle", "75%@14:00, -2d", "branchReportUp", ""), 3, "R3/PT10M", LocalTime.of(8, 0),
				1);

		assertThat(settings.rulesOf("departmentHandle")).extracting(ReminderRule::kind)
			.containsExactly(ReminderKind.HALF_WAY, ReminderKind.DAY_BEFORE);
		assertThat(settings.rulesOf("departmentHandle").get(0).at()).isEqualTo(LocalTime.of(14, 0));
		assertThat(settings.rulesOf("branchReportUp")).isEmpty();
		assertThat(settings.rulesOf("committeeHandle")).hasSize(3);
	}

	@Test
	void badSettingsNameThePropertyAndTheReason() {
		assertThatThrownBy(() -> new ReminderSettings(Map.of("branchAssess", "50%"), null, null, null, null))
			.hasMessageContaining("opinion.reminders.rules.branchAssess is not a deadline task");
		assertThatThrownBy(() -> new ReminderSettings(Map.of("departmentHandle", "150%"), null, null, null, null))
			.hasMessageContaining("opinion.reminders.rules.departmentHandle")
			.hasMessageContaining("at most 100%");
		assertThatThrownBy(() -> new ReminderSettings(Map.of("committeeHandle", "50%, 60%"), null, null, null, null))
			.hasMessageContaining("one rule per kind");
		assertThatThrownBy(() -> new ReminderSettings(null, 0, null, null, null))
			.hasMessageContaining("opinion.reminders.second-escalation-after");
		assertThatThrownBy(() -> new ReminderSettings(null, null, "every 5 minutes", null, null))
			.hasMessageContaining("opinion.reminders.retry-cycle");
	}

}
