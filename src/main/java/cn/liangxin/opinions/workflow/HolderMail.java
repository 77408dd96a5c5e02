package cn.liangxin.opinions.workflow;

import java.util.Map;
import java.util.function.Function;

import cn.liangxin.opinions.mail.MailJournal;
import cn.liangxin.opinions.mail.MailKey;
import cn.liangxin.opinions.mail.ReminderMail;
import cn.liangxin.opinions.mail.ReminderMailer;
import cn.liangxin.opinions.org.Person;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A reminder or overdue notice to whoever holds a task (its assignee, else its
 * candidates: {@link TaskHolders}), each sent once under its key ({@link MailJournal}):
 * the monthly report's and the visiting duties' mails.
 */
@Component
class HolderMail {

	private final TaskHolders holders;

	private final ReminderMailer mailer;

	private final MailJournal journal;

	HolderMail(TaskHolders holders, ReminderMailer mailer, MailJournal journal) {
		this.holders = holders;
		this.mailer = mailer;
		this.journal = journal;
	}

	/**
	 * Mails each holder of the task the message made for them, once.
	 * @return how many holders have an e-mail address (0: nobody was told)
	 */
	int send(Task task, MailKey key, Function<Person, ReminderMail> message) {
		Map<String, Person> recipients = this.holders.of(task);
		for (Person person : recipients.values()) {
			this.journal.sendOnce(key, this.mailer.render(message.apply(person)));
		}
		return recipients.size();
	}

}
