package cn.liangxin.opinions.calendar;

import cn.liangxin.opinions.validation.Errors;
import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.LocalDate;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ArrangementParserTest {

	private static YearArrangement parse(String text) {
		return ArrangementParser.parse(new StringReader(text), "test.txt");
	}

	@Nested
	class BundledFiles {

		@ParameterizedTest(name = "{0} has {1} holidays and {2} make-up working days")
		@CsvSource({ "2024, 28, 8", "2025, 28, 5", "2026, 33, 6" })
		void givenABundledFileWhenParsedThenItHasTheStateCouncilsCounts(int year, int holidays, int makeUpWorkdays) {
			YearArrangement arrangement = BundledCalendar.arrangement(year);

			assertThat(arrangement.year()).isEqualTo(year);
			assertThat(arrangement.holidays()).hasSize(holidays);
			assertThat(arrangement.makeUpWorkdays()).hasSize(makeUpWorkdays);
			assertThat(arrangement.source()).isEqualTo("calendar/" + year + ".txt");
		}

		@ParameterizedTest(name = "{0}")
		@CsvSource({ "2024", "2025", "2026" })
		void givenABundledFileThenEveryMakeUpWorkingDayIsOnAWeekendAndEveryHolidayIsNamed(int year) {
			YearArrangement arrangement = BundledCalendar.arrangement(year);

			assertThat(arrangement.makeUpWorkdays())
				.allSatisfy((date) -> assertThat(date.getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
			assertThat(arrangement.holidays().values()).allSatisfy((name) -> assertThat(name).isNotBlank());
		}

		@Test
		void givenThe2026FileThenTheHolidaysCarryTheirNames() {
			YearArrangement arrangement = BundledCalendar.arrangement(2026);

			assertThat(arrangement.holidayName(LocalDate.of(2026, 2, 17))).contains("春节");
			assertThat(arrangement.holidayName(LocalDate.of(2026, 9, 25))).contains("中秋节");
			assertThat(arrangement.holidayName(LocalDate.of(2026, 10, 7))).contains("国庆节");
			assertThat(arrangement.holidayName(LocalDate.of(2026, 10, 8))).isEmpty();
			assertThat(arrangement.isMakeUpWorkday(LocalDate.of(2026, 10, 10))).isTrue();
		}

	}

	@Nested
	class Format {

		@Test
		void givenTheDocumentedExampleWhenParsedThenRangesAreExpandedAndCommentsIgnored() {
			YearArrangement arrangement = parse("""
					# 国务院办公厅关于2026年部分节假日安排的通知
					year 2026

					holiday 2026-01-01..2026-01-03 元旦   # three days
					holiday 2026-06-19 端午节
					workday 2026-01-04 元旦调休
					""");

			assertThat(arrangement.holidays()).containsOnlyKeys(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2),
					LocalDate.of(2026, 1, 3), LocalDate.of(2026, 6, 19));
			assertThat(arrangement.holidayName(LocalDate.of(2026, 1, 2))).contains("元旦");
			assertThat(arrangement.makeUpWorkdays()).containsExactly(LocalDate.of(2026, 1, 4));
			assertThat(arrangement.source()).isEqualTo("test.txt");
		}

		@Test
		void givenAHolidayWithoutNameThenItsNameIsEmpty() {
			YearArrangement arrangement = parse("year 2026\nholiday 2026-06-19\n");

			assertThat(arrangement.isHoliday(LocalDate.of(2026, 6, 19))).isTrue();
			assertThat(arrangement.holidayName(LocalDate.of(2026, 6, 19))).isEmpty();
		}

		@Test
		void givenOverlappingHolidaysThenTheirNamesAreJoined() {
			YearArrangement arrangement = parse(
					"year 2025\nholiday 2025-10-01..2025-10-08 国庆节\nholiday 2025-10-06 中秋节\n");

			assertThat(arrangement.holidays()).hasSize(8);
			assertThat(arrangement.holidayName(LocalDate.of(2025, 10, 6))).contains("国庆节、中秋节");
		}

		@Test
		void givenAByteOrderMarkAndWindowsLineEndsThenTheFileStillParses() {
			YearArrangement arrangement = parse("\uFEFFyear 2026\r\nholiday 2026-06-19 端午节\r\n");

			assertThat(arrangement.year()).isEqualTo(2026);
			assertThat(arrangement.holidays()).hasSize(1);
		}

	}

	@Nested
	class Errors {

		@Test
		void givenAnUnknownKeywordThenTheMessageNamesSourceLineAndKeyword() {
			assertRejected("year 2026\nholliday 2026-01-01 元旦\n",
					"test.txt line 2: unknown keyword 'holliday' (expected year, holiday or workday)");
		}

		@Test
		void givenABadDateThenTheMessageNamesSourceLineAndDate() {
			assertRejected("year 2026\n\nholiday 2026-02-30 春节\n",
					"test.txt line 3: bad date '2026-02-30' (expected YYYY-MM-DD, for example 2026-01-01)");
		}

		@Test
		void givenADateOutsideTheDeclaredYearThenTheMessageSaysSo() {
			assertRejected("year 2026\nworkday 2025-12-28 元旦调休\n",
					"test.txt line 2: date 2025-12-28 is outside the declared year 2026");
		}

		@Test
		void givenAHolidayBeforeTheYearLineThenTheYearIsReportedMissing() {
			assertRejected("# no year\nholiday 2026-01-01 元旦\n",
					"test.txt line 2: missing 'year' line: declare 'year YYYY' before the first holiday");
		}

		@Test
		void givenAFileWithoutYearLineThenTheYearIsReportedMissing() {
			assertRejected("# empty\n", "test.txt: missing 'year' line (expected 'year YYYY')");
		}

		@Test
		void givenASecondYearLineThenItIsRejected() {
			assertRejected("year 2026\nyear 2027\n",
					"test.txt line 2: a second 'year' line (the file already declared year 2026)");
		}

		@Test
		void givenAMalformedYearLineThenItIsRejected() {
			assertRejected("year 26\n", "test.txt line 1: expected 'year YYYY', for example 'year 2026'");
		}

		@Test
		void givenARangeEndingBeforeItStartsThenItIsRejected() {
			assertRejected("year 2026\nholiday 2026-01-03..2026-01-01 元旦\n",
					"test.txt line 2: range 2026-01-03..2026-01-01 ends before it starts");
		}

		@Test
		void givenADateThatIsBothHolidayAndWorkdayThenBothLinesAreNamed() {
			assertRejected("year 2026\nholiday 2026-01-01..2026-01-04 元旦\nworkday 2026-01-04 元旦调休\n",
					"test.txt line 3: 2026-01-04 is both a holiday (line 2) and a make-up working day (line 3)");
			assertRejected("year 2026\nworkday 2026-01-04 元旦调休\nholiday 2026-01-01..2026-01-04 元旦\n",
					"test.txt line 3: 2026-01-04 is both a holiday (line 3) and a make-up working day (line 2)");
		}

		@Test
		void givenAHolidayWithoutDateThenTheExpectedFormIsShown() {
			assertRejected("year 2026\nholiday\n",
					"test.txt line 2: expected 'holiday YYYY-MM-DD[..YYYY-MM-DD] [name]'");
		}

		@Test
		void theExceptionCarriesSourceAndLineSeparately() {
			assertThatExceptionOfType(CalendarDataException.class).isThrownBy(() -> parse("year 2026\nfoo\n"))
				.satisfies((ex) -> {
					assertThat(ex.getSource()).isEqualTo("test.txt");
					assertThat(ex.getLine()).isEqualTo(2);
					assertThat(ex.getProblem()).startsWith("unknown keyword 'foo'");
				});
		}

		private void assertRejected(String text, String message) {
			assertThatExceptionOfType(CalendarDataException.class).isThrownBy(() -> parse(text)).withMessage(message);
		}

	}

}
