package cn.liangxin.opinions.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Reads one year's arrangement file. The format is line based (UTF-8, {@code #} starts a
 * comment, blank lines are ignored):
 *
 * <pre>
 * # 国务院办公厅关于2026年部分节假日安排的通知
 * year 2026
 * holiday 2026-01-01..2026-01-03 元旦
 * holiday 2026-06-19 端午节
 * workday 2026-01-04 元旦调休
 * </pre>
 *
 * {@code year} must come first and only once. {@code holiday} declares a non-working day
 * or an inclusive range of them, with an optional name. {@code workday} declares a
 * make-up working day (or range), with an optional note. Every date must lie in the
 * declared year and no date may be both a holiday and a make-up working day.
 */
public final class ArrangementParser {

	private static final String RANGE = "..";

	private ArrangementParser() {
	}

	/**
	 * Parses one arrangement file. The reader is read to the end but not closed.
	 * @param reader the file's text
	 * @param source the name used in error messages and kept in the result, usually the
	 * file's location
	 * @return the arrangement
	 * @throws CalendarDataException if the file breaks a rule or cannot be read; the
	 * message names the source, the line and the rule
	 */
	public static YearArrangement parse(Reader reader, String source) {
		Objects.requireNonNull(reader, "reader");
		Objects.requireNonNull(source, "source");
		FileParser parser = new FileParser(source);
		BufferedReader lines = (reader instanceof BufferedReader buffered) ? buffered : new BufferedReader(reader);
		try {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				parser.parseLine(line);
			}
		}
		catch (IOException ex) {
			throw new CalendarDataException(source, "could not be read (" + ex + ")", ex);
		}
		return parser.result();
	}

	/**
	 * The state while one file is parsed.
	 */
	private static final class FileParser {

		private final String source;

		private int lineNumber;

		private Integer year;

		private final Map<LocalDate, String> holidays = new LinkedHashMap<>();

		private final Map<LocalDate, Integer> holidayLines = new HashMap<>();

		private final Map<LocalDate, Integer> workdayLines = new LinkedHashMap<>();

		FileParser(String source) {
			this.source = source;
		}

		void parseLine(String raw) {
			this.lineNumber++;
			String line = raw;
			if (this.lineNumber == 1 && line.startsWith("\uFEFF")) {
				line = line.substring(1);
			}
			int comment = line.indexOf('#');
			if (comment >= 0) {
				line = line.substring(0, comment);
			}
			line = line.strip();
			if (line.isEmpty()) {
				return;
			}
			String[] words = line.split("\\s+", 3);
			String keyword = words[0];
			switch (keyword) {
				case "year" -> parseYear(words);
				case "holiday", "workday" -> parseDays(keyword, words);
				default -> throw error("unknown keyword '" + keyword + "' (expected year, holiday or workday)");
			}
		}

		private void parseYear(String[] words) {
			if (this.year != null) {
				throw error("a second 'year' line (the file already declared year " + this.year + ")");
			}
			if (words.length != 2 || !words[1].matches("\\d{4}")) {
				throw error("expected 'year YYYY', for example 'year 2026'");
			}
			this.year = Integer.valueOf(words[1]);
		}

		private void parseDays(String keyword, String[] words) {
			if (this.year == null) {
				throw error("missing 'year' line: declare 'year YYYY' before the first " + keyword);
			}
			if (words.length < 2) {
				throw error("expected '" + keyword + " YYYY-MM-DD[..YYYY-MM-DD] [name]'");
			}
			String name = (words.length > 2) ? words[2] : "";
			String dates = words[1];
			int separator = dates.indexOf(RANGE);
			LocalDate first = parseDate((separator < 0) ? dates : dates.substring(0, separator));
			LocalDate last = (separator < 0) ? first : parseDate(dates.substring(separator + RANGE.length()));
			if (last.isBefore(first)) {
				throw error("range " + dates + " ends before it starts");
			}
			for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
				if (keyword.equals("holiday")) {
					addHoliday(date, name);
				}
				else {
					addWorkday(date);
				}
			}
		}

		private LocalDate parseDate(String text) {
			LocalDate date;
			try {
				date = LocalDate.parse(text);
			}
			catch (DateTimeParseException ex) {
				throw error("bad date '" + text + "' (expected YYYY-MM-DD, for example 2026-01-01)");
			}
			if (date.getYear() != this.year) {
				throw error("date " + date + " is outside the declared year " + this.year);
			}
			return date;
		}

		private void addHoliday(LocalDate date, String name) {
			Integer workdayLine = this.workdayLines.get(date);
			if (workdayLine != null) {
				throw bothError(date, this.lineNumber, workdayLine);
			}
			this.holidayLines.putIfAbsent(date, this.lineNumber);
			this.holidays.merge(date, name, FileParser::joinNames);
		}

		private void addWorkday(LocalDate date) {
			Integer holidayLine = this.holidayLines.get(date);
			if (holidayLine != null) {
				throw bothError(date, holidayLine, this.lineNumber);
			}
			this.workdayLines.putIfAbsent(date, this.lineNumber);
		}

		private static String joinNames(String existing, String added) {
			if (existing.isEmpty() || existing.equals(added)) {
				return added;
			}
			return added.isEmpty() ? existing : existing + "、" + added;
		}

		YearArrangement result() {
			if (this.year == null) {
				throw new CalendarDataException(this.source, 0, "missing 'year' line (expected 'year YYYY')");
			}
			return new YearArrangement(this.year, this.holidays, this.workdayLines.keySet(), this.source);
		}

		private CalendarDataException bothError(LocalDate date, int holidayLine, int workdayLine) {
			return error(date + " is both a holiday (line " + holidayLine + ") and a make-up working day (line "
					+ workdayLine + ")");
		}

		private CalendarDataException error(String problem) {
			return new CalendarDataException(this.source, this.lineNumber, problem);
		}

	}

}
