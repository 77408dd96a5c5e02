package cn.liangxin.opinions.support;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/**
 * Reads received messages in tests: the decoded text of a MIME part, wherever it nests.
 */
public final class MailMessages {

	private MailMessages() {
	}

	/** The decoded plain-text part. */
	public static String text(Part message) {
		return part(message, "text/plain");
	}

	/** The decoded HTML part. */
	public static String html(Part message) {
		return part(message, "text/html");
	}

	private static String part(Part part, String type) {
		try {
			if (part.isMimeType(type)) {
				return (String) part.getContent();
			}
			if (part.getContent() instanceof Multipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					BodyPart child = multipart.getBodyPart(i);
					String found = part(child, type);
					if (found != null) {
						return found;
					}
				}
			}
			return null;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot read the " + type + " part", ex);
		}
	}

}
