package cn.liangxin.opinions.mail;

import java.time.LocalDate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import cn.liangxin.opinions.reminder.ReminderKind;
import cn.liangxin.opinions.support.MailMessages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reminder mails through a real SMTP server (GreenMail) in the test: Chinese subject and
 * body, a plain-text and an HTML part, the case, the deadline, the working days left and
 * the task's link.
 */
class ReminderMailerTest {

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	static final MailSettings SETTINGS = new MailSettings(null,
			"https://opinions.example.cn/camunda/app/tasklist/default");

	@Test
	void aReminderBeforeTheDeadlineSaysWhatIsDueWhenAndLinksToTheTask() throws Exception {
		send(aReminder(ReminderKind.DAY_BEFORE, 1));

		MimeMessage received = smtp.getReceivedMessages()[0];
		assertThat(received.getSubject()).isEqualTo("【办理提醒】（2026）年第12号 部门办理交办事项 还剩1个工作日");
		assertThat(((InternetAddress) received.getAllRecipients()[0]).getAddress()).isEqualTo("hr1@example.cn");
		assertThat(((InternetAddress) received.getFrom()[0]).getPersonal()).isEqualTo("员工意见办理");
		String text = MailMessages.text(received);
		String html = MailMessages.html(received);
		assertThat(text).contains("王芳：")
			.contains("案件编号：（2026）年第12号")
			.contains("单位：重庆渝发机械制造有限公司")
			.contains("办理期限：2026-10-23")
			.contains("剩余时间：还剩1个工作日")
			.contains("https://opinions.example.cn/camunda/app/tasklist/default/#/?task=task-42")
			.doesNotContain("已超过办理期限");
		assertThat(html).contains("href=\"https://opinions.example.cn/camunda/app/tasklist/default/#/?task=task-42\"")
			.contains("车间通风设备老化")
			.contains("即将到期");
	}

	@Test
	void anEscalationSaysHowManyWorkingDaysItIsOverdue() throws Exception {
		send(aReminder(ReminderKind.OVERDUE, -2));

		MimeMessage received = smtp.getReceivedMessages()[0];
		assertThat(received.getSubject()).isEqualTo("【逾期督办】（2026）年第12号 部门办理交办事项 已逾期2个工作日");
		assertThat(MailMessages.text(received)).contains("已超过办理期限").contains("剩余时间：已逾期2个工作日");
		assertThat(MailMessages.html(received)).contains("跟踪督办");
	}

	@Test
	void aFailedDeliveryIsThrownSoThatTheJobRetries() {
		JavaMailSenderImpl nowhere = new JavaMailSenderImpl();
		nowhere.setHost("127.0.0.1");
		nowhere.setPort(smtp.getSmtp().getPort() + 1);

		assertThatThrownBy(() -> new MailTransport(nowhere, SETTINGS)
			.send(new ReminderMailer(SETTINGS).render(aReminder(ReminderKind.DUE_DAY, 0))))
			.isInstanceOf(MailSendException.class);
		assertThat(smtp.getReceivedMessages()).isEmpty();
	}

	private static void send(ReminderMail mail) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(smtp.getSmtp().getPort());
		sender.setDefaultEncoding("UTF-8");
		new MailTransport(sender, SETTINGS).send(new ReminderMailer(SETTINGS).render(mail));
	}

	private static ReminderMail aReminder(ReminderKind kind, int workingDaysLeft) {
		return new ReminderMail(kind, "hr1@example.cn", "王芳", "（2026）年第12号", "车间通风设备老化", "重庆渝发机械制造有限公司", "部门办理交办事项",
				LocalDate.parse("2026-10-23"), workingDaysLeft, "task-42");
	}

}
