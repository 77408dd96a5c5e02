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
	 * A process instance took a flow.
	 * @param rootInstanceId the root process instance: the case's, also for a called
	 * supervision
	 * @param processKey the process definition's key
	 * @param flowId the sequence flow's id
	 * @param at when (the engine's time)
	 */
	public void taken(String rootInstanceId, String processKey, String flowId, Instant at) {
		this.jdbc.update(
				"insert into flow_taken (root_instance_id, process_key, flow_id, taken_at) values (?, ?, ?, ?)",
				rootInstanceId, processKey, flowId, Timestamp.from(at));
	}

}
