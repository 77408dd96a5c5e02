package cn.liangxin.opinions.insight;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the summary of closed cases the heatmap reads ({@code insight_fact},
 * {@code insight_case_gap}; docs/insight.md). A case whose register entry is struck off
 * and whose process has ended never changes again: it is counted once
 * ({@link SummaryFacts}) and marked {@code opinion_register.in_summary}, in one
 * transaction, so that the heatmap reads each case either from the summary or from
 * Camunda's history, never both and never neither.
 * <p>
 * Runs in the background after start-up and then every
 * {@code opinion.insight.summary.interval}; the first run on a large database summarizes
 * all its history in batches and logs its progress. One summarizer at a time, also across
 * nodes (a row lock). If the working-day calendar changes for a day the summary already
 * counted, the summary is dropped and built again.
 */
@Component
public class InsightSummary {

	private static final Logger log = LoggerFactory.getLogger(InsightSummary.class);

	private static final String FACT_COLUMNS = "process_key, event, grain, bucket, org_code, overdue, element_type, "
			+ "element_id, working_days, n";

	private final NamedParameterJdbcTemplate named;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final WorkingDayTable workingDays;

	private final InsightSummarySettings settings;

	private ScheduledExecutorService executor;

	private Instant lastSweep;

	InsightSummary(NamedParameterJdbcTemplate named, TransactionTemplate transaction, WorkingDayTable workingDays,
			InsightSummarySettings settings) {
		this.named = named;
		this.jdbc = named.getJdbcTemplate();
		this.transaction = transaction;
		this.workingDays = workingDays;
		this.settings = settings;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (!this.settings.enabled()) {
			log.info("Summary of closed cases for the managers' view is off (opinion.insight.summary.enabled)");
			return;
		}
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "insight-summary");
			thread.setDaemon(true);
			return thread;
		});
		this.executor.scheduleWithFixedDelay(this::round, 0, this.settings.interval().toMillis(),
				TimeUnit.MILLISECONDS);
	}

	@PreDestroy
	void stop() throws InterruptedException {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor.awaitTermination(30, TimeUnit.SECONDS);
		}
	}

	private void round() {
		try {
			catchUp();
			if (this.lastSweep == null || this.lastSweep.isBefore(Instant.now().minus(Duration.ofDays(1)))) {
				removeFlowsOfRemovedHistory();
				this.lastSweep = Instant.now();
			}
		}
		catch (RuntimeException ex) {
			log.warn("Summarizing closed cases failed; trying again in {}", this.settings.interval(), ex);
		}
	}

	/**
	 * Deletes the flows taken of cases whose history Camunda's history cleanup has
	 * removed (run once a day): the flows were kept only to build the summary again,
	 * which that history no longer can. The summary keeps counting such cases, as the
	 * register keeps them.
	 * @return how many flows were deleted
	 */
	int removeFlowsOfRemovedHistory() {
		int removed = this.jdbc.update("""
				delete from flow_taken
				where not exists (select 1 from act_hi_procinst p where p.proc_inst_id_ = flow_taken.root_instance_id)
				""");
		if (removed > 0) {
			log.info("Removed {} flows taken of cases whose history was cleaned up", removed);
		}
		return removed;
	}

	/**
	 * Summarizes every closed case not in the summary yet, in batches.
	 * @return how many cases were summarized
	 */
	public int catchUp() {
		this.transaction.executeWithoutResult((status) -> lockAndCheckCalendar(this.workingDays.days()));
		long pending = this.named.queryForObject("select count(*) from (" + closedCases("") + ") c", Map.of(),
				Long.class);
		if (pending == 0) {
			return 0;
		}
		boolean large = pending > this.settings.batchSize();
		if (large) {
			log.info("Summarizing {} closed cases for the managers' view, {} per step", pending,
					this.settings.batchSize());
		}
		long started = System.nanoTime();
		int done = 0;
		int step;
		while (!Thread.currentThread().isInterrupted() && (step = step(null, this.settings.batchSize())) > 0) {
			done += step;
			if (large) {
				log.info("Summarized {} of {} closed cases ({} %), {} s", done, pending,
						Math.min(100, done * 100 / pending), (System.nanoTime() - started) / 1_000_000_000);
			}
		}
		if (large) {
			vacuum();
			log.info("Summary of closed cases complete: {} cases in {} s", done,
					(System.nanoTime() - started) / 1_000_000_000);
		}
		else {
			log.debug("Summarized {} closed cases", done);
		}
		return done;
	}

	/**
	 * Summarizes those of the given cases that are closed and not in the summary yet.
	 * @return how many were summarized
	 */
	int summarize(Collection<String> processInstanceIds) {
		return processInstanceIds.isEmpty() ? 0 : step(processInstanceIds, processInstanceIds.size());
	}

	/**
	 * The closed cases not in the summary yet: struck off, process and activities ended.
	 */
	private static String closedCases(String narrower) {
		return """
				select r.id, r.process_instance_id, r.org_code, r.overdue
				from opinion_register r
				join act_hi_procinst p on p.proc_inst_id_ = r.process_instance_id
				where r.in_summary = false and r.struck_off = true and p.end_time_ is not null
				  and not exists (select 1 from act_hi_actinst a
				                  where a.root_proc_inst_id_ = r.process_instance_id and a.end_time_ is null)"""
				+ narrower;
	}

	private int step(Collection<String> only, int limit) {
		Integer summarized = this.transaction.execute((status) -> {
			WorkingDayTable.Days calendar = this.workingDays.days();
			LocalDate through = lockAndCheckCalendar(calendar);
			MapSqlParameterSource params = new MapSqlParameterSource("limit", limit);
			String narrower = "";
			if (only != null) {
				params.addValue("only", only);
				narrower = " and r.process_instance_id in (:only)";
			}
			List<ClosedCase> cases = this.named.query(
					closedCases(narrower) + "\norder by r.id\nfetch first :limit rows only", params,
					(rs, i) -> new ClosedCase(rs.getString("process_instance_id"), rs.getString("org_code"),
							rs.getBoolean("overdue")));
			if (cases.isEmpty()) {
				return 0;
			}
			SummaryFacts facts = count(cases, calendar);
			write(facts);
			this.named.update("update opinion_register set in_summary = true where process_instance_id in (:ids)",
					Map.of("ids", cases.stream().map(ClosedCase::processInstanceId).toList()));
			LocalDate last = facts.lastDay();
			if (last != null && (through == null || last.isAfter(through))) {
				through = last;
			}
			this.jdbc.update(
					"update insight_summary set calendar_hash = ?, through_day = ?, updated_at = ? where id = 1",
					(through != null) ? calendar.fingerprintThrough(through) : null,
					(through != null) ? java.sql.Date.valueOf(through) : null, Timestamp.from(Instant.now()));
			if (facts.firstDay() != null) {
				this.jdbc.update(
						"update insight_summary set first_day = ? where id = 1 and (first_day is null or first_day > ?)",
						java.sql.Date.valueOf(facts.firstDay()), java.sql.Date.valueOf(facts.firstDay()));
			}
			return cases.size();
		});
		return (summarized != null) ? summarized : 0;
	}

	/**
	 * Takes the summary's lock for the transaction and drops the summary if the calendar
	 * changed for a day it counted.
	 * @return the last day the summary counted, or {@code null} if it is empty
	 */
	private LocalDate lockAndCheckCalendar(WorkingDayTable.Days calendar) {
		Map<String, Object> state = this.jdbc
			.queryForMap("select calendar_hash, through_day from insight_summary where id = 1 for update");
		LocalDate through = toDate(state.get("through_day"));
		if (through != null && !calendar.fingerprintThrough(through).equals(state.get("calendar_hash"))) {
			rebuild();
			return null;
		}
		return through;
	}

	private SummaryFacts count(List<ClosedCase> cases, WorkingDayTable.Days calendar) {
		Map<String, List<SummaryFacts.Activity>> activities = new HashMap<>();
		Map<String, List<SummaryFacts.Flow>> flows = new HashMap<>();
		Map<String, Object> params = Map.of("ids", cases.stream().map(ClosedCase::processInstanceId).toList(),
				"processes", InsightService.PROCESSES);
		this.named.query("""
				select a.root_proc_inst_id_, a.proc_def_key_, a.act_id_, a.start_time_, a.end_time_
				from act_hi_actinst a
				where a.root_proc_inst_id_ in (:ids) and a.proc_def_key_ in (:processes)
				""", params, (rs) -> {
			activities.computeIfAbsent(rs.getString(1), (id) -> new ArrayList<>())
				.add(new SummaryFacts.Activity(rs.getString(2), rs.getString(3), dayInChina(rs.getTimestamp(4)),
						dayInChina(rs.getTimestamp(5))));
		});
		this.named.query("""
				select f.root_instance_id, f.process_key, f.flow_id, f.taken_at
				from flow_taken f
				where f.root_instance_id in (:ids) and f.process_key in (:processes)
				""", params, (rs) -> {
			flows.computeIfAbsent(rs.getString(1), (id) -> new ArrayList<>())
				.add(new SummaryFacts.Flow(rs.getString(2), rs.getString(3), dayInChina(rs.getTimestamp(4))));
		});
		SummaryFacts facts = new SummaryFacts(calendar::index);
		for (ClosedCase closed : cases) {
			facts.add(closed.orgCode(), closed.overdue(),
					activities.getOrDefault(closed.processInstanceId(), List.of()),
					flows.getOrDefault(closed.processInstanceId(), List.of()));
		}
		return facts;
	}

	private void write(SummaryFacts facts) {
		List<Map.Entry<SummaryFacts.Fact, Long>> rows = new ArrayList<>(facts.facts().entrySet());
		this.jdbc.batchUpdate(
				"insert into insight_fact_delta (" + FACT_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				new BatchPreparedStatementSetter() {
					@Override
					public void setValues(PreparedStatement ps, int i) throws SQLException {
						SummaryFacts.Fact fact = rows.get(i).getKey();
						ps.setString(1, fact.processKey());
						ps.setString(2, String.valueOf(fact.event()));
						ps.setString(3, fact.grain().name());
						ps.setDate(4, java.sql.Date.valueOf(fact.bucket()));
						ps.setString(5, fact.orgCode());
						ps.setBoolean(6, fact.overdue());
						ps.setString(7, String.valueOf(fact.elementType()));
						ps.setString(8, fact.elementId());
						ps.setInt(9, fact.workingDays());
						ps.setLong(10, rows.get(i).getValue());
					}

					@Override
					public int getBatchSize() {
						return rows.size();
					}
				});
		this.jdbc.update("""
				merge into insight_fact t
				using insight_fact_delta d
				on (t.process_key = d.process_key and t.event = d.event and t.grain = d.grain and t.bucket = d.bucket
				    and t.org_code = d.org_code and t.overdue = d.overdue and t.element_type = d.element_type
				    and t.element_id = d.element_id and t.working_days = d.working_days)
				when matched then update set n = t.n + d.n
				when not matched then insert (process_key, event, grain, bucket, org_code, overdue, element_type,
				                              element_id, working_days, n)
				  values (d.process_key, d.event, d.grain, d.bucket, d.org_code, d.overdue, d.element_type,
				          d.element_id, d.working_days, d.n)
				""");
		this.jdbc.update("delete from insight_fact_delta");
		facts.gaps().forEach((gap, n) -> {
			Object[] key = { gap.processKey(), gap.orgCode(), gap.overdue(), java.sql.Date.valueOf(gap.afterDay()),
					java.sql.Date.valueOf(gap.beforeDay()) };
			int updated = this.jdbc
				.update("update insight_case_gap set n = n + ? where process_key = ? and org_code = ?"
						+ " and overdue = ? and after_day = ? and before_day = ?", prepend(n, key));
			if (updated == 0) {
				this.jdbc
					.update("insert into insight_case_gap (n, process_key, org_code, overdue, after_day, before_day)"
							+ " values (?, ?, ?, ?, ?, ?)", prepend(n, key));
			}
		});
	}

	/**
	 * After a large catch-up on PostgreSQL: the statistics for the planner, and the
	 * visibility map that lets the heatmap read the facts from the index alone
	 * (autovacuum would do both, later).
	 */
	private void vacuum() {
		try {
			if (InsightIndexes.isPostgres(this.jdbc.getDataSource())) {
				// not in a transaction: JdbcTemplate runs it on an auto-commit connection
				this.jdbc.execute("vacuum analyze insight_fact");
			}
		}
		catch (java.sql.SQLException ex) {
			log.warn("Could not vacuum insight_fact; autovacuum will", ex);
		}
	}

	private void rebuild() {
		log.warn("The working-day calendar changed for days the managers' view has summarized: "
				+ "the summary is built again (the numbers stay right meanwhile, only slower)");
		this.jdbc.update("delete from insight_fact");
		this.jdbc.update("delete from insight_case_gap");
		this.jdbc.update("update opinion_register set in_summary = false where in_summary = true");
		this.jdbc.update(
				"update insight_summary set calendar_hash = null, first_day = null, through_day = null where id = 1");
	}

	private static Object[] prepend(Object first, Object[] rest) {
		Object[] all = new Object[rest.length + 1];
		all[0] = first;
		System.arraycopy(rest, 0, all, 1, rest.length);
		return all;
	}

	private static LocalDate dayInChina(Timestamp timestamp) {
		return timestamp.toInstant().atZone(WorkingDayCalendar.ZONE).toLocalDate();
	}

	private static LocalDate toDate(Object value) {
		if (value instanceof java.sql.Date date) {
			return date.toLocalDate();
		}
		return (value instanceof LocalDate day) ? day : null;
	}

	private record ClosedCase(String processInstanceId, String orgCode, boolean overdue) {

	}

}
