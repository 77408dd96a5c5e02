package cn.liangxin.opinions.mail;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default's SMTP server: it listens where Spring's mail sender sends, before
 * the sender can be used, takes the mails sent through it, frees its port on shutdown,
 * and names the properties to change when the port is taken.
 */
class EmbeddedSmtpServerTest {

	private final ApplicationContextRunner application = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
		.withUserConfiguration(EmbeddedSmtpConfiguration.class)
		.withPropertyValues("spring.mail.host=localhost");

	@Test
	void withTheEmbeddedServerEnabledAMailSentThroughSpringsSenderArrivesThere() throws IOException {
		int port = freePort();
		this.application.withPropertyValues("opinion.mail.embedded-smtp.enabled=true", "spring.mail.port=" + port)
			.run((context) -> {
				EmbeddedSmtpServer server = context.getBean(EmbeddedSmtpServer.class);
				assertThat(server.isRunning()).isTrue();
				assertThat(server.getPort()).isEqualTo(port);
				assertThat(context.getBeanFactory().getBeanDefinition("mailSender").getDependsOn())
					.as("the mail sender waits for the server")
					.contains(EmbeddedSmtpConfiguration.SERVER_BEAN);

				SimpleMailMessage mail = new SimpleMailMessage();
				mail.setFrom("noreply@opinions.local");
				mail.setTo("hr1@example.cn");
				mail.setSubject("【办理提醒】（2026）年第12号 部门办理交办事项 还剩3个工作日");
				mail.setText("王芳：请及时办理。");
				context.getBean(JavaMailSender.class).send(mail);

				MimeMessage[] received = server.getReceivedMessages();
				assertThat(received).hasSize(1);
				assertThat(received[0].getSubject()).isEqualTo("【办理提醒】（2026）年第12号 部门办理交办事项 还剩3个工作日");
			});
		assertThat(isFree(port)).as("the port is released when the application stops").isTrue();
	}

	@Test
	void aTakenPortFailsTheStartWithTheNamesOfThePropertiesToChange() throws IOException {
		try (ServerSocket other = new ServerSocket()) {
			other.bind(new InetSocketAddress("localhost", 0));
			int taken = other.getLocalPort();
			this.application.withPropertyValues("opinion.mail.embedded-smtp.enabled=true", "spring.mail.port=" + taken)
				.run((context) -> {
					assertThat(context).hasFailed();
					assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(BindException.class)
						.hasStackTraceContaining("The embedded SMTP server cannot listen on localhost:" + taken)
						.hasStackTraceContaining("set spring.mail.port to a free port")
						.hasStackTraceContaining("opinion.mail.embedded-smtp.enabled=false");
				});
		}
	}

	@Test
	void withoutTheSwitchNoServerStartsAndTheSenderUsesTheConfiguredServer() {
		this.application.withPropertyValues("spring.mail.port=2525").run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(EmbeddedSmtpServer.class)
				.hasSingleBean(JavaMailSender.class);
			assertThat(context.getBeanFactory().getBeanDefinition("mailSender").getDependsOn()).isNullOrEmpty();
		});
		this.application.withPropertyValues("opinion.mail.embedded-smtp.enabled=false", "spring.mail.port=2525")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedSmtpServer.class));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress("localhost", 0));
			return socket.getLocalPort();
		}
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress("localhost", port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
