package cn.liangxin.opinions.workflow;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.ManagementServiceImpl;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * The engine's management service, except that executing a job by hand first checks that
 * the caller may: the engine checks inside the job's execution, so that a refused call
 * counted as a failure of the job — three refused calls took a reminder timer's retries
 * to zero and switched off that case's reminders and escalations. Now a refused call
 * changes nothing.
 */
class CheckedManagementService extends ManagementServiceImpl {

	CheckedManagementService(ProcessEngineConfiguration configuration) {
		super(configuration);
	}

	@Override
	public void executeJob(String jobId) {
		this.commandExecutor.execute(new MayExecuteJob(jobId));
		super.executeJob(jobId);
	}

	/**
	 * The checks the engine makes before a job is executed by hand, made on their own.
	 */
	private record MayExecuteJob(String jobId) implements Command<Void> {

		@Override
		public Void execute(CommandContext context) {
			JobEntity job = (this.jobId != null) ? context.getJobManager().findJobById(this.jobId) : null;
			if (job != null) {
				for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
					checker.checkUpdateJob(job);
				}
			}
			return null;
		}

	}

}
