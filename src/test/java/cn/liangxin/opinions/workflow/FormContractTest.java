package cn.liangxin.opinions.workflow;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liangxin.opinions.validation.FieldError;
import cn.liangxin.opinions.workflow.FormContract.Kind;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a form lets its user submit, read from the form files, and the engine commands'
 * fields the write guard reads.
 */
class FormContractTest {

	static FormContract form(String name) throws Exception {
		try (InputStream in = FormContractTest.class.getResourceAsStream("/forms/" + name + ".form")) {
			return FormContract.parse(new ObjectMapper().readTree(in));
		}
	}

	@Nested
	class ReadFromTheForm {

		@Test
		void theAssessmentFormsFieldsAreItsKeyedInputsGroupsIncluded() throws Exception {
			FormContract assess = form("branch-assess");

			assertThat(assess.fields().keySet()).containsExactly("route", "scope", "assessment", "department",
					"insistNote", "slipMatter", "slipDueOn", "slipContact", "slipPhone", "reportText");
			assertThat(assess.fields().get("route").kind()).isEqualTo(Kind.CHOICE);
			assertThat(assess.fields().get("route").options()).containsExactly("ON_SPOT", "EXPLAIN", "ENTERPRISE",
					"UPPER");
			assertThat(assess.fields().get("department").options()).as("options from data").isEmpty();
			assertThat(assess.fields().get("slipDueOn").kind()).isEqualTo(Kind.DATE);
			assertThat(assess.fields().get("assessment").maxLength()).isEqualTo(2000);
		}

		@Test
		void theDeadlineFormsOfferTheirOutcomesAndOnlyTheDepartmentReturnsASlip() throws Exception {
			FormContract department = form("department-handle");
			FormContract reportUp = form("branch-report-up");
			FormContract committee = form("committee-handle");

			assertThat(department.fields().keySet()).containsExactly("outcome", "handlingResult", "returnReason",
					"extensionDueOn", "extensionReason");
			assertThat(department.fields().get("outcome").options()).containsExactly("DONE", "EXTEND", "RETURN");
			assertThat(department.fields().get("extensionDueOn").kind()).isEqualTo(Kind.DATE);
			assertThat(reportUp.fields().get("outcome").options()).containsExactly("DONE", "EXTEND");
			assertThat(committee.fields().get("outcome").options()).containsExactly("DONE", "EXTEND");
			assertThat(form("approve-extension").fields().keySet()).containsExactly("extensionDecision",
					"extensionComment");
			assertThat(form("branch-feedback").fields().get("sendBack").kind()).isEqualTo(Kind.BOOLEAN);
		}

		@Test
		void aReadOnlyFieldThatOnlyShowsIsNoInput() throws Exception {
			assertThat(form("branch-assess").fields()).doesNotContainKey("assessmentMissing");
		}

		@Test
		void theIntakeFormsCheckboxIsABoolean() throws Exception {
			assertThat(form("opinion-intake").fields().get("resolvedOnSpot").kind()).isEqualTo(Kind.BOOLEAN);
		}

	}

	@Nested
	class Checks {

		@Test
		void aValueWhoseNameIsNoFieldIsRefusedByItsName() throws Exception {
			List<FieldError> errors = form("department-handle")
				.check(Map.of("handlingResult", "已办理", "caseNo", "org3-2026-1"));

			assertThat(errors).extracting(FieldError::field).containsExactly("caseNo");
			assertThat(errors.get(0).rule()).isEqualTo("notAllowed");
			assertThat(errors.get(0).message()).contains("handlingResult");
		}

		@Test
		void eachKindTakesItsTypeOnly() throws Exception {
			Map<String, Object> submitted = new LinkedHashMap<>();
			submitted.put("reporterName", 12);
			submitted.put("resolvedOnSpot", "true");
			submitted.put("channel", "FAX");
			submitted.put("reportedOn", "2026-11-29garbage");
			submitted.put("summary", FormContract.NOT_PLAIN);

			List<FieldError> errors = form("opinion-intake").check(submitted);

			assertThat(errors).extracting(FieldError::field, FieldError::rule)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("reporterName", "type"),
						org.assertj.core.groups.Tuple.tuple("resolvedOnSpot", "type"),
						org.assertj.core.groups.Tuple.tuple("channel", "oneOf"),
						org.assertj.core.groups.Tuple.tuple("reportedOn", "dateFormat"),
						org.assertj.core.groups.Tuple.tuple("summary", "type"));
		}

		@Test
		void textsAreCheckedForLengthAndControlCharacters() throws Exception {
			List<FieldError> errors = form("opinion-intake")
				.check(Map.of("reporterName", "周".repeat(51), "summary", "a\u0000b", "reporterUnit", "  装配车间\n "));

			assertThat(errors).extracting(FieldError::field, FieldError::rule)
				.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("reporterName", "maxLength"),
						org.assertj.core.groups.Tuple.tuple("summary", "controlCharacters"));
		}

		@Test
		void emptyAndNullValuesAreLeftToTheCasesRules() throws Exception {
			Map<String, Object> submitted = new LinkedHashMap<>();
			submitted.put("route", null);
			submitted.put("scope", "");
			submitted.put("slipDueOn", "");

			assertThat(form("branch-assess").check(submitted)).isEmpty();
		}

		@Test
		void aRestVariableBesideTheFormIsCheckedLikeAField() throws Exception {
			FormContract feedback = form("branch-feedback").with(FormContract.Field.bool("satisfied", "员工是否满意"));

			assertThat(feedback.check(Map.of("satisfied", true))).isEmpty();
			assertThat(feedback.check(Map.of("satisfied", "yes"))).extracting(FieldError::rule).containsExactly("type");
		}

	}

	@Nested
	class TheEnginesCommands {

		@Test
		void theGuardReadsTheFieldsOfTheCommandsItChecks() {
			Map<String, Object> variables = Map.of("route", "EXPLAIN");

			assertThat((String) WriteGuard.read(new CompleteTaskCmd("t1", variables), "taskId")).isEqualTo("t1");
			assertThat((Map<String, Object>) WriteGuard.read(new CompleteTaskCmd("t1", variables), "variables"))
				.isEqualTo(variables);
			assertThat((String) WriteGuard.read(new ResolveTaskCmd("t2", variables), "taskId")).isEqualTo("t2");
			assertThat((Map<String, Object>) WriteGuard
				.read(new SubmitTaskFormCmd("t3", Variables.fromMap(variables), false, false), "properties"))
				.isEqualTo(variables);
			assertThat((String) WriteGuard.read(new SubmitStartFormCmd("d1", null, variables), "processDefinitionId"))
				.isEqualTo("d1");
			assertThat(
					(Map<String, Object>) WriteGuard.read(new SubmitStartFormCmd("d1", null, variables), "variables"))
				.isEqualTo(variables);
			ProcessInstantiationBuilderImpl start = (ProcessInstantiationBuilderImpl) ProcessInstantiationBuilderImpl
				.createProcessInstanceByKey(null, "employee-opinion");
			assertThat((Object) WriteGuard.read(new StartProcessInstanceCmd(start), "instantiationBuilder"))
				.isSameAs(start);
			assertThat((String) WriteGuard.read(new ExecuteJobsCmd("j1", null), "jobId")).isEqualTo("j1");
		}

		@Test
		void aFieldTheEngineDoesNotHaveIsRefusedNotSkipped() {
			assertThatThrownBy(() -> WriteGuard.read(new CompleteTaskCmd("t1", Map.of()), "renamedField"))
				.isInstanceOf(WriteGuard.WriteRefused.class);
		}

	}

}
