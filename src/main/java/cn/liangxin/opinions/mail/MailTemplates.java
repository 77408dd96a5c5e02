package cn.liangxin.opinions.mail;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The mail templates under {@code templates/mail/}: each message has an {@code .html} and
 * a {@code .txt} file of the same name, rendered with the same model.
 */
final class MailTemplates {

	private final TemplateEngine html = engine(TemplateMode.HTML, ".html");

	private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");

	/** Renders {@code templates/mail/<name>.txt} and {@code .html} into one message. */
	OutgoingMail render(String name, String to, String subject, Map<String, Object> model) {
		Context context = new Context();
		context.setVariables(model);
		return new OutgoingMail(to, subject, this.text.process(name, context), this.html.process(name, context));
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
