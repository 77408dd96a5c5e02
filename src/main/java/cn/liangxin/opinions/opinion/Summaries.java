package cn.liangxin.opinions.opinion;

/** How a matter is shown where there is room for a line only. */
public final class Summaries {

	private Summaries() {
	}

	/**
	 * The first {@code length} characters of a matter on one line, with "…" when cut,
	 * e.g. 夜班下班路上没有路灯，希望…; {@code null} stays {@code null}.
	 */
	public static String firstWords(String summary, int length) {
		if (summary == null) {
			return null;
		}
		String line = summary.strip().replaceAll("\\s+", " ");
		return (line.codePointCount(0, line.length()) <= length) ? line
				: line.substring(0, line.offsetByCodePoints(0, length)) + "…";
	}

}
