package cn.liangxin.opinions.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the mails say about where they come from and where to click.
 *
 * @param from the sender address (default {@code 员工意见办理 <noreply@opinions.local>})
 * @param tasklistUrl Tasklist's address as users reach it; task links append
 * {@code #/?task=<id>}
 */
@ConfigurationProperties("opinion.mail")
public record MailSettings(String from, String tasklistUrl) {

	public MailSettings {
		if (from == null || from.isBlank()) {
			from = "员工意见办理 <noreply@opinions.local>";
		}
		if (tasklistUrl == null || tasklistUrl.isBlank()) {
			tasklistUrl = "http://localhost:8080/camunda/app/tasklist/default/";
		}
	}

	/** The direct link to a task in Tasklist. */
	public String taskLink(String taskId) {
		return (this.tasklistUrl.endsWith("/") ? this.tasklistUrl : this.tasklistUrl + "/") + "#/?task=" + taskId;
	}

}
