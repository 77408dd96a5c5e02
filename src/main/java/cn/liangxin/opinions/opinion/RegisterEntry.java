package cn.liangxin.opinions.opinion;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One row of the register (员工意见办理情况登记簿, attachment 2): serial no., reporter, home
 * address, time raised, main content, handling opinion and result, handler, feedback
 * method and time, who signed the feedback slip, struck off, remarks; plus what the
 * process needs.
 */
@Entity
@Table(name = "opinion_register")
public class RegisterEntry {

	/** What stands where personal data was removed after the retention period. */
	public static final String REMOVED = "（已按保存期限删除）";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "case_no", nullable = false, unique = true)
	private String caseNo;

	@Column(name = "org_code", nullable = false)
	private String orgCode;

	@Column(name = "case_year", nullable = false)
	private int caseYear;

	@Column(name = "serial_no", nullable = false)
	private int serialNo;

	@Column(name = "reporter_name", nullable = false)
	private String reporterName;

	@Column(name = "reporter_unit")
	private String reporterUnit;

	@Column(name = "reporter_address")
	private String reporterAddress;

	@Column(name = "reporter_phone")
	private String reporterPhone;

	@Column(name = "reported_on", nullable = false)
	private LocalDate reportedOn;

	@Column(name = "registered_at", nullable = false)
	private Instant registeredAt;

	@Column(name = "registered_by")
	private String registeredBy;

	@Enumerated(EnumType.STRING)
	private Channel channel;

	@Enumerated(EnumType.STRING)
	private Kind kind;

	private String summary;

	@Column(name = "handling_opinion")
	private String handlingOpinion;

	private String handler;

	@Enumerated(EnumType.STRING)
	private Route route;

	@Enumerated(EnumType.STRING)
	private Scope scope;

	@Column(name = "department_code")
	private String departmentCode;

	@Column(name = "department_signed_by")
	private String departmentSignedBy;

	@Column(name = "department_signed_at")
	private Instant departmentSignedAt;

	@Enumerated(EnumType.STRING)
	@Column(name = "committee_mode")
	private CommitteeMode committeeMode;

	private String stage;

	@Column(name = "due_on")
	private LocalDate dueOn;

	@Column(name = "due_estimated")
	private boolean dueEstimated;

	private boolean overdue;

	@Column(name = "overdue_stages")
	private String overdueStages;

	@Enumerated(EnumType.STRING)
	@Column(name = "feedback_method")
	private FeedbackMethod feedbackMethod;

	@Column(name = "feedback_on")
	private LocalDate feedbackOn;

	@Column(name = "feedback_signed_by")
	private String feedbackSignedBy;

	private Boolean satisfied;

	@Column(name = "rehandle_count")
	private int rehandleCount;

	@Column(name = "returned_count")
	private int returnedCount;

	@Column(name = "extended_count")
	private int extendedCount;

	@Column(name = "sent_back_count")
	private int sentBackCount;

	@Column(name = "struck_off")
	private boolean struckOff;

	@Column(name = "struck_off_on")
	private LocalDate struckOffOn;

	@Column(name = "personal_data_removed_on")
	private LocalDate personalDataRemovedOn;

	private String remarks;

	/** 交办单: the matter as the slip words it. */
	private String slipMatter;

	private String slipContact;

	private String slipPhone;

	/** The day the current assignment slip was issued. */
	private LocalDate slipIssuedOn;

	/** 反馈单: the result to feed back, and the day the matter was concluded. */
	private String resultText;

	private LocalDate resultOn;

	/** What the branch fed back to the employee. */
	private String feedbackContent;

	@Column(name = "process_instance_id")
	private String processInstanceId;

	@Version
	private int version;

	protected RegisterEntry() {
	}

	RegisterEntry(CaseNumber number, ValidOpinion opinion, Instant registeredAt, String registeredBy,
			String processInstanceId) {
		this.caseNo = number.value();
		this.orgCode = number.orgCode();
		this.caseYear = number.year();
		this.serialNo = number.serial();
		this.reporterName = opinion.reporterName();
		this.reporterUnit = opinion.reporterUnit();
		this.reporterAddress = opinion.reporterAddress();
		this.reporterPhone = opinion.reporterPhone();
		this.reportedOn = opinion.reportedOn();
		this.channel = opinion.channel();
		this.kind = opinion.kind();
		this.summary = opinion.summary();
		this.registeredAt = registeredAt;
		this.registeredBy = registeredBy;
		this.processInstanceId = processInstanceId;
		this.stage = Stage.ASSESS.code();
	}

	/** Adds a dated line to the handling opinion and result (处理意见及结果). */
	void recordHandling(String line, String handler) {
		this.handlingOpinion = append(this.handlingOpinion, line);
		if (handler != null) {
			this.handler = handler;
		}
	}

	void addRemark(String line) {
		this.remarks = append(this.remarks, line);
	}

	private static String append(String text, String line) {
		String joined = (text == null || text.isEmpty()) ? line : text + "\n" + line;
		return (joined.length() > 8000) ? joined.substring(joined.length() - 8000) : joined;
	}

	void assessed(Route route, Scope scope, String departmentCode) {
		this.route = route;
		this.scope = scope;
		this.departmentCode = departmentCode;
		if (route == Route.ENTERPRISE) {
			// a new slip: signed for anew
			this.departmentSignedBy = null;
			this.departmentSignedAt = null;
		}
	}

	/**
	 * The department signed for the slip (签收).
	 * @return {@code false} if it had signed for this slip before (the first signature
	 * stands)
	 */
	boolean departmentSigned(String user, Instant at) {
		if (this.departmentSignedAt != null) {
			return false;
		}
		this.departmentSignedBy = user;
		this.departmentSignedAt = at;
		return true;
	}

	void returned() {
		this.returnedCount++;
	}

	void extended() {
		this.extendedCount++;
	}

	void sentBack() {
		this.sentBackCount++;
	}

	void committeeMode(CommitteeMode mode) {
		this.committeeMode = mode;
	}

	void stage(Stage stage, LocalDate dueOn, boolean estimated) {
		this.stage = stage.code();
		this.dueOn = dueOn;
		this.dueEstimated = estimated;
	}

	void overdue(Stage stage) {
		this.overdue = true;
		String code = stage.code();
		if (this.overdueStages == null || this.overdueStages.isEmpty()) {
			this.overdueStages = code;
		}
		else if (!("," + this.overdueStages + ",").contains("," + code + ",")) {
			this.overdueStages = this.overdueStages + "," + code;
		}
	}

	void slipIssued(String matter, String contact, String phone, LocalDate on) {
		this.slipMatter = matter;
		this.slipContact = contact;
		this.slipPhone = phone;
		this.slipIssuedOn = on;
	}

	/** The matter was concluded with this result (the latest result stands). */
	void concluded(String result, LocalDate on) {
		this.resultText = result;
		this.resultOn = on;
	}

	void feedback(FeedbackMethod method, LocalDate on, String signedBy, boolean satisfied, String content) {
		this.feedbackContent = content;
		this.feedbackMethod = method;
		this.feedbackOn = on;
		this.feedbackSignedBy = signedBy;
		this.satisfied = satisfied;
	}

	void rehandled() {
		this.rehandleCount++;
	}

	void strikeOff(LocalDate on) {
		this.struckOff = true;
		this.struckOffOn = on;
		this.stage = Stage.STRUCK_OFF.code();
		this.dueOn = null;
	}

	/**
	 * Removes what identifies the employee and the matter, when the retention period has
	 * ended: the number, the dates, the route and the outcome stay for the register book
	 * and the figures.
	 */
	void forgetPersonalData(LocalDate on) {
		this.reporterName = REMOVED;
		this.reporterUnit = null;
		this.reporterAddress = null;
		this.reporterPhone = null;
		this.summary = REMOVED;
		this.handlingOpinion = null;
		this.feedbackSignedBy = null;
		this.remarks = null;
		this.slipMatter = null;
		this.slipContact = null;
		this.slipPhone = null;
		this.resultText = null;
		this.feedbackContent = null;
		this.personalDataRemovedOn = on;
	}

	public CaseNumber caseNumber() {
		return new CaseNumber(this.orgCode, this.caseYear, this.serialNo);
	}

	public Long getId() {
		return this.id;
	}

	public String getCaseNo() {
		return this.caseNo;
	}

	public String getOrgCode() {
		return this.orgCode;
	}

	public int getCaseYear() {
		return this.caseYear;
	}

	public int getSerialNo() {
		return this.serialNo;
	}

	public String getReporterName() {
		return this.reporterName;
	}

	public String getReporterUnit() {
		return this.reporterUnit;
	}

	public String getReporterAddress() {
		return this.reporterAddress;
	}

	public String getReporterPhone() {
		return this.reporterPhone;
	}

	public LocalDate getReportedOn() {
		return this.reportedOn;
	}

	public Instant getRegisteredAt() {
		return this.registeredAt;
	}

	public String getRegisteredBy() {
		return this.registeredBy;
	}

	public Channel getChannel() {
		return this.channel;
	}

	public Kind getKind() {
		return this.kind;
	}

	public String getSummary() {
		return this.summary;
	}

	public String getHandlingOpinion() {
		return this.handlingOpinion;
	}

	public String getHandler() {
		return this.handler;
	}

	public Route getRoute() {
		return this.route;
	}

	public Scope getScope() {
		return this.scope;
	}

	public String getDepartmentCode() {
		return this.departmentCode;
	}

	public String getDepartmentSignedBy() {
		return this.departmentSignedBy;
	}

	public Instant getDepartmentSignedAt() {
		return this.departmentSignedAt;
	}

	public CommitteeMode getCommitteeMode() {
		return this.committeeMode;
	}

	public String getStage() {
		return this.stage;
	}

	public LocalDate getDueOn() {
		return this.dueOn;
	}

	public boolean isDueEstimated() {
		return this.dueEstimated;
	}

	public boolean isOverdue() {
		return this.overdue;
	}

	public String getOverdueStages() {
		return this.overdueStages;
	}

	public FeedbackMethod getFeedbackMethod() {
		return this.feedbackMethod;
	}

	public LocalDate getFeedbackOn() {
		return this.feedbackOn;
	}

	public String getFeedbackSignedBy() {
		return this.feedbackSignedBy;
	}

	public Boolean getSatisfied() {
		return this.satisfied;
	}

	/** Slips the departments returned (退单). */
	public int getReturnedCount() {
		return this.returnedCount;
	}

	/** Deadlines extended on request (延期). */
	public int getExtendedCount() {
		return this.extendedCount;
	}

	/** Replies sent back for more work (补办). */
	public int getSentBackCount() {
		return this.sentBackCount;
	}

	public int getRehandleCount() {
		return this.rehandleCount;
	}

	/** The day the personal data was removed ({@link #REMOVED}), {@code null} before. */
	public LocalDate getPersonalDataRemovedOn() {
		return this.personalDataRemovedOn;
	}

	public boolean isStruckOff() {
		return this.struckOff;
	}

	public LocalDate getStruckOffOn() {
		return this.struckOffOn;
	}

	public String getRemarks() {
		return this.remarks;
	}

	public String getProcessInstanceId() {
		return this.processInstanceId;
	}

	public String getSlipMatter() {
		return this.slipMatter;
	}

	public String getSlipContact() {
		return this.slipContact;
	}

	public String getSlipPhone() {
		return this.slipPhone;
	}

	public LocalDate getSlipIssuedOn() {
		return this.slipIssuedOn;
	}

	public String getResultText() {
		return this.resultText;
	}

	public LocalDate getResultOn() {
		return this.resultOn;
	}

	public String getFeedbackContent() {
		return this.feedbackContent;
	}

}
