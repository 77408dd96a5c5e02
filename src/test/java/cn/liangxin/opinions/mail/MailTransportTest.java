package cn.liangxin.opinions.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import cn.liangxin.opinions.support.SmtpRelay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SMTP connections {@link MailTransport} keeps between messages, against a real
 * server (GreenMail) behind a relay that counts the connections and can close them as a
 * server closes idle ones.
 */
class MailTransportTest {

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	static final MailSettings SETTINGS = new MailSettings(null, "https://opinions.example.cn/camunda/app/tasklist");

	@Test
	void messagesOneAfterTheOtherShareOneConnection() throws Exception {
		try (SmtpRelay relay = SmtpRelay.to(smtp.getSmtp().getPort())) {
			MailTransport transport = new MailTransport(sender(relay.port()), SETTINGS);

			for (int i = 1; i <= 5; i++) {
				transport.send(new OutgoingMail("hr" + i + "@example.cn", "提醒 " + i, "正文 " + i, null));
			}

			assertThat(smtp.getReceivedMessages()).hasSize(5);
			assertThat(relay.connections()).isEqualTo(1);
			transport.destroy();
		}
	}

	@Test
	void aConnectionTheServerClosedMeanwhileIsReplacedAndTheMessageStillGoesOut() throws Exception {
		try (SmtpRelay relay = SmtpRelay.to(smtp.getSmtp().getPort())) {
			MailTransport transport = new MailTransport(sender(relay.port()), SETTINGS);
			transport.send(new OutgoingMail("hr1@example.cn", "第一封", "正文", null));

			relay.closeConnections();
			transport.send(new OutgoingMail("hr2@example.cn", "第二封", "正文", null));

			assertThat(smtp.getReceivedMessages()).extracting((m) -> m.getSubject()).containsExactly("第一封", "第二封");
			assertThat(relay.connections()).isEqualTo(2);
			transport.destroy();
		}
	}

	@Test
	void concurrentSendersEachHoldTheirOwnConnection() throws Exception {
		try (SmtpRelay relay = SmtpRelay.to(smtp.getSmtp().getPort())) {
			MailTransport transport = new MailTransport(sender(relay.port()), SETTINGS);
			Thread[] senders = new Thread[3];
			for (int t = 0; t < senders.length; t++) {
				int n = t;
				senders[t] = new Thread(() -> {
					for (int i = 0; i < 10; i++) {
						transport.send(new OutgoingMail("hr" + n + "@example.cn", "提醒 " + n + "-" + i, "正文", null));
					}
				});
				senders[t].start();
			}
			for (Thread sender : senders) {
				sender.join();
			}

			assertThat(smtp.getReceivedMessages()).hasSize(30);
			assertThat(relay.connections()).isBetween(1, 3);
			transport.destroy();
		}
	}

	private static JavaMailSenderImpl sender(int port) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		sender.setDefaultEncoding("UTF-8");
		return sender;
	}

}
