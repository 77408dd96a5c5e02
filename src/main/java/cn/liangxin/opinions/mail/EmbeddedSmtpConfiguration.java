package cn.liangxin.opinions.mail;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.util.StringUtils;

/**
 * Starts the {@link EmbeddedSmtpServer} where Spring's mail sender sends
 * ({@code spring.mail.host}, {@code spring.mail.port}) when
 * {@code opinion.mail.embedded-smtp.enabled} is true (the default profile), and makes
 * every {@link JavaMailSender} bean depend on it: whatever sends (the engine's jobs
 * included) gets the sender only once the server listens.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "opinion.mail.embedded-smtp.enabled", havingValue = "true")
@ConditionalOnClass(name = EmbeddedSmtpConfiguration.GREENMAIL)
class EmbeddedSmtpConfiguration {

	/**
	 * The embedded server's class: there with ./mvnw spring-boot:run, not in the packaged
	 * jar.
	 */
	static final String GREENMAIL = "com.icegreen.greenmail.util.GreenMail";

	static final String SERVER_BEAN = "embeddedSmtpServer";

	@Bean(SERVER_BEAN)
	EmbeddedSmtpServer embeddedSmtpServer(Environment environment) {
		String host = environment.getProperty("spring.mail.host");
		Integer port = environment.getProperty("spring.mail.port", Integer.class);
		if (host == null || host.isBlank() || port == null) {
			throw new IllegalStateException("opinion.mail.embedded-smtp.enabled=true needs spring.mail.host and "
					+ "spring.mail.port (e.g. localhost and 2525): the embedded SMTP server listens there");
		}
		return new EmbeddedSmtpServer(host.strip(), port, pageUrl(environment));
	}

	/** The sent-mails page as reached on this machine, for the start-up log. */
	private static String pageUrl(Environment environment) {
		int serverPort = environment.getProperty("server.port", Integer.class, 8080);
		String contextPath = environment.getProperty("server.servlet.context-path", "");
		String path = (contextPath.endsWith("/") ? contextPath.substring(0, contextPath.length() - 1) : contextPath)
				+ "/mails.html";
		return (serverPort > 0) ? "http://localhost:" + serverPort + path : path + " of the web server";
	}

	@Bean
	static BeanFactoryPostProcessor mailSendersWaitForTheEmbeddedSmtpServer() {
		return (beanFactory) -> {
			for (String name : beanFactory.getBeanNamesForType(JavaMailSender.class, true, false)) {
				if (beanFactory.containsBeanDefinition(name)) {
					BeanDefinition sender = beanFactory.getBeanDefinition(name);
					sender.setDependsOn(StringUtils.addStringToArray(sender.getDependsOn(), SERVER_BEAN));
				}
			}
		};
	}

}
