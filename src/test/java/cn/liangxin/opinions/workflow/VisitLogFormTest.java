package cn.liangxin.opinions.workflow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.liangxin.opinions.validation.FieldError;
import cn.liangxin.opinions.validation.InvalidInputException;
import cn.liangxin.opinions.visit.VisitLog;
import cn.liangxin.opinions.workflow.FormContract.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The visit log form ({@code forms/visit-log.form}) and how its flat fields become a
 * visit: the form holds exactly the fields the process reads, empty rows are skipped, and
 * the visit's rules name a row's field by the form's key again.
 */
class VisitLogFormTest {

	@Test
	void theFormHoldsExactlyTheFieldsTheProcessReads() throws Exception {
		FormContract form = FormContractTest.form("visit-log");

		List<String> expected = new java.util.ArrayList<>(List.of("orgCode", "visitorName", "visitorPost", "visitedOn",
				"employeeStaffNo", "employeeName", "partyMembersInHousehold", "annualIncome", "found", "asked",
				"employeeOpinion", "signedBy", "signedOn"));
		expected.addAll(VisitLogForm.rowKeys());
		assertThat(form.id()).isEqualTo("visit-log");
		assertThat(form.fields().keySet()).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(form.fields().get("visitedOn").kind()).isEqualTo(Kind.DATE);
		assertThat(form.fields().get("matter3DueOn").kind()).isEqualTo(Kind.DATE);
		assertThat(form.fields().get("household4Age").kind()).isEqualTo(Kind.NUMBER);
		assertThat(form.fields().get("annualIncome").kind()).isEqualTo(Kind.NUMBER);
		assertThat(form.fields().get("matter2Handling").options()).containsExactly("ON_SPOT", "DEADLINE", "EXPLAINED",
				"DEPARTMENT");
		assertThat(form.fields().get("matter1Kind").options()).containsExactly("DIFFICULTY", "CONFLICT", "SUGGESTION");
		assertThat(form.fields().get("household1Sex").options()).containsExactly("M", "F");
		assertThat(form.fields().get("matter1Content").maxLength()).isEqualTo(1900);
		assertThat(form.fields().values()).allMatch((field) -> field.label().matches(".*[\\u4e00-\\u9fa5].*"),
				"labelled in Chinese");
	}

	@Test
	void emptyRowsAreSkippedAndTheRestKeepTheirOrder() {
		Map<String, Object> variables = new HashMap<>();
		variables.put("visitorName", "蒲志远");
		variables.put("household1Name", "");
		variables.put("household1Sex", null);
		variables.put("household2Name", "邝建平");
		variables.put("household2Age", 48L);
		variables.put("household4Name", "邝小雨");
		variables.put("household4Sex", "F");
		variables.put("household4Age", 12.0);
		variables.put("annualIncome", 86000.5);
		variables.put("matter2Content", "工资条看不懂");
		variables.put("matter2Handling", "DEADLINE");

		VisitLog visit = VisitLogForm.read("org1", variables::get).visit();

		assertThat(visit.orgCode()).isEqualTo("org1");
		assertThat(visit.household()).containsExactly(new VisitLog.HouseholdMember("邝建平", null, 48, null),
				new VisitLog.HouseholdMember("邝小雨", "F", 12, null));
		assertThat(visit.matters()).containsExactly(new VisitLog.Matter("工资条看不懂", "DEADLINE", null, null, null, null));
		assertThat(visit.annualIncome()).isEqualByComparingTo("86000.5");
	}

	@Test
	void theVisitsRulesNameARowsFieldByTheFormsKeyAndLabel() {
		Map<String, Object> variables = new HashMap<>();
		variables.put("household2Name", "邝建平");
		variables.put("household4Name", "邝小雨");
		variables.put("matter3Content", "宿舍漏水");
		VisitLogForm form = VisitLogForm.read("org1", variables::get);

		InvalidInputException mapped = form.onFormKeys(
				new InvalidInputException(List.of(new FieldError("household[1].age", "range", "家庭成员年龄应在0到120之间"),
						new FieldError("matters[0].handling", "required", "处理方式应为…之一"),
						new FieldError("matters[0].summary", "maxLength", "反映问题的主要内容不能超过2000个字"),
						new FieldError("visitedOn", "required", "走访时间不能为空"))),
				(key) -> Map.of("household4Age", "成员4年龄", "matter3Handling", "问题3处理方式", "matter3Content", "问题3内容")
					.get(key));

		assertThat(mapped.errors()).extracting(FieldError::field)
			.containsExactly("household4Age", "matter3Handling", "matter3Content", "visitedOn");
		assertThat(mapped.errors()).extracting(FieldError::message)
			.containsExactly("成员4年龄：家庭成员年龄应在0到120之间", "问题3处理方式：处理方式应为…之一", "问题3内容：反映问题的主要内容不能超过2000个字", "走访时间不能为空");
	}

	@Test
	void anAgeThatIsNoWholeNumberIsRefusedByItsKey() {
		assertThatThrownBy(() -> VisitLogForm.read("org1", Map.<String, Object>of("household3Age", 44.5)::get))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.errors()).extracting(FieldError::field, FieldError::rule)
						.containsExactly(org.assertj.core.groups.Tuple.tuple("household3Age", "wholeNumber")));
	}

}
