package cn.liangxin.opinions.opinion;

import cn.liangxin.opinions.validation.InvalidInputException;
import cn.liangxin.opinions.validation.Errors;
import java.time.LocalDate;
import java.time.Period;
import java.util.regex.Pattern;

import cn.liangxin.opinions.org.OrgDirectory;

import org.springframework.stereotype.Component;

/** The intake rules, shared by the REST API and the Tasklist intake form. */
@Component
public class IntakeValidator {

	static final int NAME_MAX = 50;

	static final int UNIT_MAX = 100;

	static final int ADDRESS_MAX = 200;

	static final int PHONE_MAX = 30;

	static final int TEXT_MAX = 2000;

	private static final Pattern PHONE = Pattern.compile("^[0-9+\\-() ]{3,30}$");

	private final OrgDirectory orgs;

	private final IntakeProperties properties;

	IntakeValidator(OrgDirectory orgs, IntakeProperties properties) {
		this.orgs = orgs;
		this.properties = properties;
	}

	/**
	 * Checks every rule and returns the parsed opinion.
	 * @param today the date in Asia/Shanghai, against which {@code reportedOn} is checked
	 * @throws InvalidInputException naming every broken rule
	 */
	public ValidOpinion validate(OpinionIntake intake, LocalDate today) {
		Errors errors = new Errors();
		String orgCode = (intake.orgCode() != null) ? intake.orgCode().strip() : null;
		if (orgCode == null || orgCode.isEmpty()) {
			errors.add("orgCode", "required", "组织代码不能为空");
		}
		else if (this.orgs.organization(orgCode).isEmpty()) {
			errors.add("orgCode", "knownOrganization", "组织代码" + Errors.quote(orgCode) + "不存在");
		}
		String name = errors.requiredText("reporterName", "反映人姓名", intake.reporterName(), NAME_MAX);
		String unit = errors.text("reporterUnit", "车间/岗位", intake.reporterUnit(), UNIT_MAX);
		String address = errors.text("reporterAddress", "家庭住址", intake.reporterAddress(), ADDRESS_MAX);
		String phone = errors.text("reporterPhone", "联系电话", intake.reporterPhone(), PHONE_MAX);
		if (phone != null && !PHONE.matcher(phone).matches()) {
			errors.add("reporterPhone", "phone", "联系电话只能包含数字、空格和 + - ( )");
		}
		LocalDate reportedOn = reportedOn(intake.reportedOn(), today, errors);
		Channel channel = Channel.parse(intake.channel());
		if (channel == null) {
			errors.add("channel", (intake.channel() == null) ? "required" : "oneOf",
					"反映渠道应为 VISIT、MAILBOX、FORUM、WALL、TALK、MEETING、OTHER 之一" + Errors.received(intake.channel()));
		}
		Kind kind = Kind.parse(intake.kind());
		if (kind == null) {
			errors.add("kind", (intake.kind() == null) ? "required" : "oneOf",
					"问题类别应为 DIFFICULTY、CONFLICT、SUGGESTION 之一" + Errors.received(intake.kind()));
		}
		String summary = errors.requiredText("summary", "反映问题的主要内容", intake.summary(), TEXT_MAX);
		boolean onSpot = Boolean.TRUE.equals(intake.resolvedOnSpot());
		String onSpotResult = errors.text("onSpotResult", "当场办理情况", intake.onSpotResult(), TEXT_MAX);
		if (onSpot && onSpotResult == null) {
			errors.add("onSpotResult", "requiredWhenResolvedOnSpot", "已当场解决的，须填写当场办理情况");
		}
		errors.throwIfAny();
		return new ValidOpinion(orgCode, name, unit, address, phone, reportedOn, channel, kind, summary, onSpot,
				onSpotResult);
	}

	private LocalDate reportedOn(String value, LocalDate today, Errors errors) {
		if (value == null || value.isBlank()) {
			errors.add("reportedOn", "required", "反映时间不能为空");
			return null;
		}
		LocalDate date = errors.date("reportedOn", "反映时间", value);
		if (date == null) {
			return null;
		}
		if (date.isAfter(today)) {
			errors.add("reportedOn", "notFuture", "反映时间不能晚于今天（" + today + "）");
		}
		LocalDate earliest = today.minus(this.properties.maxAge());
		if (date.isBefore(earliest)) {
			errors.add("reportedOn", "maxAge",
					"反映时间不能早于" + earliest + "（最长可补登" + inChinese(this.properties.maxAge()) + "前的意见）");
		}
		return date;
	}

	/** P2Y → 2年, P1Y6M → 1年6个月, P90D → 90天. */
	static String inChinese(Period period) {
		StringBuilder text = new StringBuilder();
		if (period.getYears() != 0) {
			text.append(period.getYears()).append("年");
		}
		if (period.getMonths() != 0) {
			text.append(period.getMonths()).append("个月");
		}
		if (period.getDays() != 0 || text.isEmpty()) {
			text.append(period.getDays()).append("天");
		}
		return text.toString();
	}

}
