package cn.liangxin.opinions.demo;

import java.time.Clock;
import java.time.Instant;

import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo data after the processes are deployed, once: on a database that already
 * has organizations it does nothing.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 1)
@ConditionalOnProperty(name = "opinion.demo.enabled", havingValue = "true")
class DemoRunner implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoRunner.class);

	/**
	 * Historic cases replayed for the managers' view, by default
	 * ({@code opinion.demo.history-cases}).
	 */
	static final int HISTORIC_CASES = 240;

	/** Over how many days before today they were raised. */
	static final int HISTORY_DAYS = 150;

	private final DemoData data;

	private final DemoCases cases;

	private final DemoHistory history;

	private final DemoRoster roster;

	private final DemoDuties duties;

	private final int historicCases;

	DemoRunner(DemoData data, DemoCases cases, DemoHistory history, DemoRoster roster, DemoDuties duties,
			@Value("${opinion.demo.history-cases:" + HISTORIC_CASES + "}") int historicCases) {
		this.duties = duties;
		this.historicCases = historicCases;
		this.data = data;
		this.cases = cases;
		this.history = history;
		this.roster = roster;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.data.createOrganizationsAndPeople()) {
			// runners come before the job executor starts: the replay may set the
			// engine's clock back
			int open = this.history.replay(this.historicCases, HISTORY_DAYS);
			log.info("Demo history: {} cases over the last {} days ({} still open)", this.historicCases, HISTORY_DAYS,
					open);
			this.cases.create(WorkingDayCalendar.today(Clock.systemUTC()));
			int visits = this.roster.create(WorkingDayCalendar.today(Clock.systemUTC()));
			log.info("Demo rosters: org1 260 and org2 85 employees, with pairings, blocks and {} visits this year",
					visits);
			int duties = this.duties.create(WorkingDayCalendar.today(Clock.systemUTC()), Instant.now());
			log.info("Demo duties: {} meetings, talks, owner and committee visits of this year's past periods "
					+ "(this period's are made with their tasks next)", duties);
			log.info("Demo cases created. Open http://localhost:8080 and log in as sec1 / demo");
		}
	}

}
