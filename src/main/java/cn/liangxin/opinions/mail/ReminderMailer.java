package cn.liangxin.opinions.mail;

import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Renders a reminder from {@code templates/mail/reminder.html} and {@code reminder.txt}
 * (Chinese) and sends it as a multipart message: plain text for any client, HTML for the
 * others, with a direct link to the task in Tasklist. A failure to send is thrown, so the
 * caller's job can retry.
 */
@Component
public class ReminderMailer {

	private final JavaMailSender sender;

	private final MailSettings settings;

	private final TemplateEngine html;

	private final TemplateEngine text;

	public ReminderMailer(JavaMailSender sender, MailSettings settings) {
		this.sender = sender;
		this.settings = settings;
		this.html = engine(TemplateMode.HTML, ".html");
		this.text = engine(TemplateMode.TEXT, ".txt");
	}

	public void send(ReminderMail mail) {
		Context model = new Context();
		model.setVariable("mail", mail);
		model.setVariable("link", this.settings.taskLink(mail.taskId()));
		try {
			MimeMessage message = this.sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
			helper.setFrom(this.settings.from());
			helper.setTo(mail.recipientEmail());
			helper.setSubject(mail.subject());
			helper.setText(this.text.process("reminder", model), this.html.process("reminder", model));
			this.sender.send(message);
		}
		catch (MessagingException ex) {
			throw new MailSendException("Cannot build the reminder for " + mail.recipientEmail(), ex);
		}
	}

	private static TemplateEngine engine(TemplateMode mode, String suffix) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setSuffix(suffix);
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		TemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		return engine;
	}

}
