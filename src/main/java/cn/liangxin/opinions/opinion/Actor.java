package cn.liangxin.opinions.opinion;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the register names who did something: 「王芳（hr1）」, the person's name and user name; a
 * user without a name is only the user name.
 */
public final class Actor {

	private static final Pattern NAMED = Pattern.compile("^(.*)（([^（）]+)）$");

	private Actor() {
	}

	/** The user name in 「王芳（hr1）」, or the whole text if it is a bare user name. */
	public static String username(String actor) {
		if (actor == null) {
			return null;
		}
		Matcher named = NAMED.matcher(actor.strip());
		return named.matches() ? named.group(2) : actor.strip();
	}

	/** The person's name in 「王芳（hr1）」, or the whole text. */
	public static String name(String actor) {
		if (actor == null) {
			return null;
		}
		Matcher named = NAMED.matcher(actor.strip());
		return (named.matches() && !named.group(1).isBlank()) ? named.group(1) : actor.strip();
	}

}
