package cn.liangxin.opinions.opinion;

import java.time.Instant;
import java.time.LocalDate;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One event on a case's side roads (table {@code case_event}, see V8): what the figures
 * count, while the register's remarks say it in words.
 */
@Entity
@Table(name = "case_event")
public class CaseEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "case_no", nullable = false)
	private String caseNo;

	@Column(name = "org_code", nullable = false)
	private String orgCode;

	private String stage;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private CaseEventKind kind;

	@Column(name = "happened_at", nullable = false)
	private Instant happenedAt;

	@Column(name = "happened_on", nullable = false)
	private LocalDate happenedOn;

	private String actor;

	@Column(name = "task_id")
	private String taskId;

	@Column(name = "due_from")
	private LocalDate dueFrom;

	@Column(name = "due_to")
	private LocalDate dueTo;

	@Column(name = "original_due_at")
	private Instant originalDueAt;

	private String detail;

	@Column(name = "once_key")
	private String onceKey;

	protected CaseEvent() {
	}

	CaseEvent(RegisterEntry entry, Stage stage, CaseEventKind kind, Instant at, String actor) {
		this.caseNo = entry.getCaseNo();
		this.orgCode = entry.getOrgCode();
		this.stage = (stage != null) ? stage.code() : null;
		this.kind = kind;
		this.happenedAt = at;
		this.happenedOn = WorkingDayCalendar.dateOf(at);
		this.actor = actor;
	}

	CaseEvent task(String taskId) {
		this.taskId = taskId;
		return this;
	}

	CaseEvent due(LocalDate from, LocalDate to) {
		this.dueFrom = from;
		this.dueTo = to;
		return this;
	}

	CaseEvent originalDueAt(Instant at) {
		this.originalDueAt = at;
		return this;
	}

	CaseEvent detail(String text) {
		this.detail = (text != null && text.length() > 2000) ? text.substring(0, 2000) : text;
		return this;
	}

	CaseEvent once(String key) {
		this.onceKey = key;
		return this;
	}

	void forgetDetail() {
		this.detail = null;
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

	public String getStage() {
		return this.stage;
	}

	public CaseEventKind getKind() {
		return this.kind;
	}

	public Instant getHappenedAt() {
		return this.happenedAt;
	}

	public LocalDate getHappenedOn() {
		return this.happenedOn;
	}

	public String getActor() {
		return this.actor;
	}

	public String getTaskId() {
		return this.taskId;
	}

	public LocalDate getDueFrom() {
		return this.dueFrom;
	}

	public LocalDate getDueTo() {
		return this.dueTo;
	}

	public Instant getOriginalDueAt() {
		return this.originalDueAt;
	}

	public String getDetail() {
		return this.detail;
	}

}
