package cn.liangxin.opinions.insight;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records the sequence flows each case takes (table {@code flow_taken}), which Camunda's
 * history does not keep, so that the heatmap can weigh the flows. Written in the engine's
 * transaction.
 */
@Component
public class FlowJournal {

	private final JdbcTemplate jdbc;

	FlowJournal(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A case took a flow.
	 * @param caseNo the case (the process instance's business key)
	 * @param processKey the process definition's key
	 * @param flowId the sequence flow's id
	 * @param at when (the engine's time)
	 */
	public void taken(String caseNo, String processKey, String flowId, Instant at) {
		this.jdbc.update("insert into flow_taken (case_no, process_key, flow_id, taken_at) values (?, ?, ?, ?)", caseNo,
				processKey, flowId, Timestamp.from(at));
	}

}
