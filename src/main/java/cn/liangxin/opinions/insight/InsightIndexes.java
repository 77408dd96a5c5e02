package cn.liangxin.opinions.insight;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The indexes the insight's queries need beyond those Camunda and the migrations create,
 * created at start-up if they are missing, on H2 and PostgreSQL (Camunda creates its
 * history tables itself, so indexes on them cannot come with a Flyway migration; those on
 * the application's own tables do). Each holds every column its query reads, so that
 * PostgreSQL can answer from the index alone (an index-only scan) instead of visiting the
 * wide history rows. The figures with and without them are in docs/performance.md.
 * <p>
 * On PostgreSQL each index is built {@code concurrently}, so that a first start on a
 * large database does not block the engine's writes meanwhile (a few seconds at 100,000
 * cases); an index left invalid by an interrupted build is dropped and built again.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 6)
class InsightIndexes implements ApplicationRunner {

	/**
	 * The heatmap's activities in a period: those still open ({@code end_time_ is null})
	 * and those ended since the period's start, with their start, activity and case.
	 */
	static final Index ACTIVITIES = new Index("ix_insight_actinst_period", "act_hi_actinst",
			"proc_def_key_, end_time_, start_time_, act_id_, root_proc_inst_id_");

	/** The deadline dashboard's completed deadline tasks in a period, with due date. */
	static final Index TASKS = new Index("ix_insight_taskinst_end", "act_hi_taskinst",
			"proc_def_key_, task_def_key_, end_time_, delete_reason_, due_date_, proc_inst_id_");

	/**
	 * The heatmap's summary of closed cases: the facts of some days, with everything the
	 * query reads in the index ({@code include}: PostgreSQL only; on H2 the primary key
	 * serves).
	 */
	static final Index FACTS = new Index("ix_insight_fact_read", "insight_fact",
			"process_key, event, grain, bucket) include (org_code, overdue, element_type, element_id, working_days, n",
			true);

	static final List<Index> ALL = List.of(ACTIVITIES, TASKS, FACTS);

	private static final Logger log = LoggerFactory.getLogger(InsightIndexes.class);

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	InsightIndexes(DataSource dataSource, JdbcTemplate jdbc) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) throws SQLException {
		boolean postgres = isPostgres(this.dataSource);
		for (Index index : ALL) {
			if (index.postgresOnly() && !postgres) {
				continue;
			}
			long started = System.nanoTime();
			if (postgres) {
				Boolean valid = this.jdbc.query(
						"select i.indisvalid from pg_index i join pg_class c on c.oid = i.indexrelid"
								+ " where c.relname = ? and pg_table_is_visible(c.oid)",
						(rs) -> rs.next() ? rs.getBoolean(1) : null, index.name());
				if (Boolean.TRUE.equals(valid)) {
					continue;
				}
				if (Boolean.FALSE.equals(valid)) {
					log.warn("Index {} was left invalid by an interrupted build; building it again", index.name());
					this.jdbc.execute("drop index concurrently if exists " + index.name());
				}
				// not in a transaction: JdbcTemplate runs it on an auto-commit connection
				this.jdbc.execute("create index concurrently if not exists " + index.definition());
			}
			else {
				this.jdbc.execute("create index if not exists " + index.definition());
			}
			log.debug("Index {} ensured in {} ms", index.name(), (System.nanoTime() - started) / 1_000_000);
		}
	}

	/** Whether the database is PostgreSQL (else H2). */
	static boolean isPostgres(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			DatabaseMetaData meta = connection.getMetaData();
			return meta.getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
		}
	}

	/** An index: its name, table and columns, and whether PostgreSQL alone gets it. */
	record Index(String name, String table, String columns, boolean postgresOnly) {

		Index(String name, String table, String columns) {
			this(name, table, columns, false);
		}

		String definition() {
			return this.name + " on " + this.table + " (" + this.columns + ")";
		}

	}

}
