package cn.liangxin.opinions.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The packaged jar leaves the embedded SMTP server out; started with the default profile
 * it says where the mails go instead of pretending to catch them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "opinion.mail.embedded-smtp.enabled", havingValue = "true")
@ConditionalOnMissingClass(EmbeddedSmtpConfiguration.GREENMAIL)
class WithoutEmbeddedSmtp {

	private static final Logger log = LoggerFactory.getLogger(WithoutEmbeddedSmtp.class);

	@EventListener(ApplicationReadyEvent.class)
	void tell(ApplicationReadyEvent event) {
		log.warn("opinion.mail.embedded-smtp.enabled is true, but this build has no embedded SMTP server (the "
				+ "packaged jar leaves it out; ./mvnw spring-boot:run has it): mails go to {}:{}. Point spring.mail.* at "
				+ "a real server and set opinion.mail.embedded-smtp.enabled=false (docs/configuration.md).",
				event.getApplicationContext().getEnvironment().getProperty("spring.mail.host"),
				event.getApplicationContext().getEnvironment().getProperty("spring.mail.port"));
	}

}
