package cn.liangxin.opinions.calendar;

/**
 * An arrangement file cannot be used. The message names the source (file), the line when
 * there is one, and the rule that was broken, so that an operator can fix the file.
 */
public class CalendarDataException extends RuntimeException {

	private final String source;

	private final int line;

	private final String problem;

	/**
	 * Creates an exception for a problem on one line of a file.
	 * @param source the file (or other source) the data came from
	 * @param line the 1-based line number, or 0 when the problem concerns the whole file
	 * @param problem what is wrong, in words an operator understands
	 */
	public CalendarDataException(String source, int line, String problem) {
		this(source, line, problem, null);
	}

	/**
	 * Creates an exception for a problem with the whole file, for example when it cannot
	 * be read.
	 * @param source the file (or other source) the data came from
	 * @param problem what is wrong
	 * @param cause the underlying exception
	 */
	public CalendarDataException(String source, String problem, Throwable cause) {
		this(source, 0, problem, cause);
	}

	private CalendarDataException(String source, int line, String problem, Throwable cause) {
		super((line > 0) ? source + " line " + line + ": " + problem : source + ": " + problem, cause);
		this.source = source;
		this.line = line;
		this.problem = problem;
	}

	/**
	 * Returns the file (or other source) the data came from.
	 * @return the source name
	 */
	public String getSource() {
		return this.source;
	}

	/**
	 * Returns the 1-based line number of the problem.
	 * @return the line, or 0 when the problem concerns the whole file
	 */
	public int getLine() {
		return this.line;
	}

	/**
	 * Returns the problem without source and line.
	 * @return the broken rule
	 */
	public String getProblem() {
		return this.problem;
	}

}
