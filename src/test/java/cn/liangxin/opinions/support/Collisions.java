package cn.liangxin.opinions.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import cn.liangxin.opinions.opinion.RegisterEntry;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.hibernate.Interceptor;
import org.hibernate.type.Type;

import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Forces a collision between a job and a person's task completion
 * ({@code workflow.ConcurrentWorkIT}): hooks in the engine's commands and the register,
 * idle until {@link #arm armed}. The armed job waits before its commit until the armed
 * completion has read the case; the completion's first attempt, having read it, waits
 * until the job has committed. Part of every {@link WebAppTest} context, so that the test
 * shares the one engine named {@code default} that the REST API finds.
 */
@TestConfiguration(proxyBeanMethods = false)
public class Collisions {

	/** One forced collision: which job and which completion, and how far each got. */
	public static final class Collision {

		final String jobId;

		final String taskId;

		public final CountDownLatch completionHasRead = new CountDownLatch(1);

		public final CountDownLatch jobCommitted = new CountDownLatch(1);

		public final AtomicInteger completionAttempts = new AtomicInteger();

		Collision(String jobId, String taskId) {
			this.jobId = jobId;
			this.taskId = taskId;
		}

	}

	/** The completion whose first read of the register is awaited, on its thread. */
	private static final ThreadLocal<Collision> READING = new ThreadLocal<>();

	private final List<Collision> armed = new ArrayList<>();

	public Collision arm(String jobId, String taskId) {
		Collision collision = new Collision(jobId, taskId);
		synchronized (this.armed) {
			this.armed.clear();
			this.armed.add(collision);
		}
		return collision;
	}

	public void disarm() {
		synchronized (this.armed) {
			this.armed.clear();
		}
	}

	private Collision current() {
		synchronized (this.armed) {
			return this.armed.isEmpty() ? null : this.armed.get(0);
		}
	}

	@Bean
	ProcessEnginePlugin collisionHooks() {
		return new AbstractProcessEnginePlugin() {
			@Override
			public void preInit(ProcessEngineConfigurationImpl configuration) {
				List<CommandInterceptor> post = new ArrayList<>();
				if (configuration.getCustomPostCommandInterceptorsTxRequired() != null) {
					post.addAll(configuration.getCustomPostCommandInterceptorsTxRequired());
				}
				post.add(new CommandInterceptor() {
					@Override
					public <T> T execute(Command<T> command) {
						boolean reading = hook(command);
						try {
							return this.next.execute(command);
						}
						finally {
							if (reading) {
								READING.remove();
							}
						}
					}
				});
				configuration.setCustomPostCommandInterceptorsTxRequired(post);
			}
		};
	}

	/**
	 * Arms the hooks for the command; whether it is the completion's first attempt.
	 */
	private boolean hook(Command<?> command) {
		Collision collision = current();
		if (collision == null) {
			return false;
		}
		if (command instanceof ExecuteJobsCmd && collision.jobId.equals(field(command, "jobId"))
				&& collision.jobCommitted.getCount() > 0) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void beforeCommit(boolean readOnly) {
					await(collision.completionHasRead);
				}

				@Override
				public void afterCompletion(int status) {
					if (status == STATUS_COMMITTED) {
						collision.jobCommitted.countDown();
					}
				}
			});
		}
		if (command instanceof CompleteTaskCmd && collision.taskId.equals(field(command, "taskId"))
				&& collision.completionAttempts.incrementAndGet() == 1) {
			READING.set(collision);
			return true;
		}
		return false;
	}

	/**
	 * The completion's first attempt has read the case from the register (and written
	 * nothing yet): let the job commit, and go on only then.
	 */
	@Bean
	HibernatePropertiesCustomizer registerReads() {
		return (properties) -> properties.put("hibernate.session_factory.interceptor", new Interceptor() {
			@Override
			public boolean onLoad(Object entity, Object id, Object[] state, String[] names, Type[] types) {
				Collision collision = READING.get();
				if (collision != null && entity instanceof RegisterEntry) {
					READING.remove();
					collision.completionHasRead.countDown();
					await(collision.jobCommitted);
				}
				return false;
			}
		});
	}

	private static Object field(Object command, String name) {
		for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
			try {
				java.lang.reflect.Field field = type.getDeclaredField(name);
				field.setAccessible(true);
				return field.get(command);
			}
			catch (NoSuchFieldException ex) {
				// the superclass has it
			}
			catch (IllegalAccessException ex) {
				throw new IllegalStateException(ex);
			}
		}
		throw new IllegalStateException(command.getClass() + " has no field " + name);
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(20, TimeUnit.SECONDS)) {
				throw new IllegalStateException("The forced collision did not happen within 20 s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
