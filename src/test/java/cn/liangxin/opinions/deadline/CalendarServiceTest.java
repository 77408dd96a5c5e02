package cn.liangxin.opinions.deadline;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;

import java.util.TreeMap;

import java.util.Map;

import java.util.List;

import java.time.Instant;

import java.time.Clock;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import cn.liangxin.opinions.calendar.CalendarDataException;
import cn.liangxin.opinions.calendar.Deadline;
import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.deadline.CalendarStatus.KnownYear;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CalendarServiceTest {

	private static final String ARRANGEMENT_2027 = """
			# test data for 2027, not the State Council's
			year 2027
			holiday 2027-01-01 元旦
			""";

	private static final LocalDate MONDAY_BEFORE_NEW_YEAR_2027 = LocalDate.of(2026, 12, 28);

	/** No year saved in the application. */
	private static final CalendarStore NOTHING_STORED = new InMemoryStore();

	@TempDir
	Path directory;

	private CalendarService service() {
		return new CalendarService(new CalendarProperties(this.directory), NOTHING_STORED);
	}

	private void write(String name, String text) throws IOException {
		Files.writeString(this.directory.resolve(name), text, StandardCharsets.UTF_8);
	}

	@Test
	void givenAnEmptyDirectoryThenTheBundledYearsAreLoaded() {
		CalendarStatus status = service().status();

		assertThat(status.knownYears()).extracting(KnownYear::year).containsExactly(2024, 2025, 2026);
		assertThat(status.knownYears()).first().isEqualTo(new KnownYear(2024, "classpath:calendar/2024.txt", 28, 8));
		assertThat(status.yearsWithoutData()).isEmpty();
		assertThat(status.directory()).isEqualTo(this.directory.toAbsolutePath().normalize().toString());
		assertThat(status.directoryExists()).isTrue();
	}

	@Test
	void givenNoDirectoryThenTheBundledYearsAreLoaded() {
		Path missing = this.directory.resolve("missing");

		CalendarService service = new CalendarService(new CalendarProperties(missing), NOTHING_STORED);

		assertThat(service.calendar().knownYears()).containsExactly(2024, 2025, 2026);
		assertThat(service.status().directoryExists()).isFalse();
	}

	@Test
	void givenA2027FileDroppedIntoTheDirectoryWhenReloadedThen2027DeadlinesAreNoLongerEstimated() throws IOException {
		CalendarService service = service();
		Deadline before = service.calendar().deadline(MONDAY_BEFORE_NEW_YEAR_2027, 10);
		assertThat(before.estimated()).isTrue();
		assertThat(service.status().yearsWithoutData()).containsExactly(2027);

		write("2027.txt", ARRANGEMENT_2027);
		CalendarStatus status = service.reload();

		Deadline after = service.calendar().deadline(MONDAY_BEFORE_NEW_YEAR_2027, 10);
		assertThat(after.estimated()).isFalse();
		assertThat(after.dueOn()).isEqualTo(LocalDate.of(2027, 1, 12));
		assertThat(status.knownYears()).last()
			.isEqualTo(new KnownYear(2027, this.directory.resolve("2027.txt").toString(), 1, 0));
		assertThat(status.yearsWithoutData()).isEmpty();
	}

	@Test
	void givenAFileForABundledYearThenItReplacesTheBundledOne() throws IOException {
		write("2026.txt", "year 2026\nholiday 2026-03-09 测试\n");

		CalendarService service = service();

		WorkingDayCalendar calendar = service.calendar();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 9))).isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isTrue();
		assertThat(calendar.arrangement(2026)).hasValueSatisfying((arrangement) -> assertThat(arrangement.source())
			.isEqualTo(this.directory.resolve("2026.txt").toString()));
	}

	@Test
	void givenABrokenFileWhenReloadedThenTheErrorIsReportedAndThePreviousCalendarStays() throws IOException {
		CalendarService service = service();
		WorkingDayCalendar previous = service.calendar();

		write("2027.txt", "year 2027\nholiday 2027-02-30 春节\n");

		assertThatExceptionOfType(CalendarDataException.class).isThrownBy(service::reload)
			.withMessage(this.directory.resolve("2027.txt")
					+ " line 2: bad date '2027-02-30' (expected YYYY-MM-DD, for example 2026-01-01)");
		assertThat(service.calendar()).isSameAs(previous);
		assertThat(service.status().knownYears()).extracting(KnownYear::year).containsExactly(2024, 2025, 2026);
	}

	@Test
	void givenABrokenFileAtStartUpThenTheServiceCannotBeCreated() throws IOException {
		write("2027.txt", "year 2027\nholliday 2027-01-01\n");

		assertThatExceptionOfType(CalendarDataException.class).isThrownBy(this::service)
			.withMessageContaining("2027.txt line 2: unknown keyword 'holliday'");
	}

	@Test
	void givenAFileThatIsNotUtf8ThenItIsRejected() throws IOException {
		Files.write(this.directory.resolve("2027.txt"), "year 2027\nholiday 2027-01-01 元旦\n".getBytes("GBK"));

		assertThatExceptionOfType(CalendarDataException.class).isThrownBy(this::service)
			.withMessageContaining("2027.txt: could not be read");
	}

	@Test
	void filesNotEndingInTxtAreIgnored() throws IOException {
		write("2027.txt.bak", "this is not an arrangement");
		write("README.md", "notes");

		assertThat(service().calendar().knownYears()).containsExactly(2024, 2025, 2026);
	}

	@Nested
	class YearsSavedInTheApplication {

		final InMemoryStore store = new InMemoryStore();

		final Clock november = Clock.fixed(Instant.parse("2026-11-29T02:00:00Z"), WorkingDayCalendar.ZONE);

		@Test
		void aSavedYearIsUsedAndReplacesTheFilesYear() throws IOException {
			write("2027.txt", "year 2027\nholiday 2027-01-01 元旦\n");
			CalendarService service = new CalendarService(new CalendarProperties(CalendarServiceTest.this.directory),
					this.store, this.november);

			service.save(2027, ARRANGEMENT_2027 + "workday 2027-02-20 春节调休\n", "chief");

			assertThat(service.status().knownYears()).filteredOn((year) -> year.year() == 2027)
				.singleElement()
				.satisfies((year) -> {
					assertThat(year.source()).startsWith("数据库（chief");
					assertThat(year.makeUpWorkdays()).isEqualTo(1);
				});
			assertThat(service.calendar().isWorkingDay(LocalDate.of(2027, 2, 20))).isTrue();
		}

		@Test
		void aBrokenTextOrAnotherYearIsRefusedNamingTheLineAndNothingIsSaved() {
			CalendarService service = new CalendarService(new CalendarProperties(CalendarServiceTest.this.directory),
					this.store, this.november);

			assertThatThrownBy(() -> service.save(2027, "year 2027\nholiday 2027-02-30 春节\n", "chief"))
				.isInstanceOf(CalendarDataException.class)
				.satisfies((ex) -> assertThat(((CalendarDataException) ex).getLine()).isEqualTo(2));
			assertThatThrownBy(() -> service.save(2028, ARRANGEMENT_2027, "chief"))
				.isInstanceOf(CalendarDataException.class)
				.hasMessageContaining("2028");
			assertThat(this.store.all()).isEmpty();
		}

		@Test
		void anotherNodesSaveIsPickedUpOnTheNextRefresh() {
			CalendarService here = new CalendarService(new CalendarProperties(CalendarServiceTest.this.directory),
					this.store, this.november);
			CalendarService there = new CalendarService(new CalendarProperties(CalendarServiceTest.this.directory),
					this.store, this.november);
			assertThat(here.refreshIfChanged()).isFalse();

			there.save(2027, ARRANGEMENT_2027, "chief");

			assertThat(here.refreshIfChanged()).isTrue();
			assertThat(here.calendar().knownYears()).contains(2027);
			assertThat(here.refreshIfChanged()).isFalse();
		}

		@Test
		void fromNovemberAdminsAreToldThatNextYearIsMissing() {
			CalendarService service = new CalendarService(new CalendarProperties(CalendarServiceTest.this.directory),
					this.store, this.november);
			assertThat(service.status().missingNextYear()).isEqualTo(2027);

			service.save(2027, ARRANGEMENT_2027, "chief");
			assertThat(service.status().missingNextYear()).isNull();

			CalendarService inOctober = new CalendarService(new CalendarProperties(CalendarServiceTest.this.directory),
					new InMemoryStore(), Clock.fixed(Instant.parse("2026-10-31T02:00:00Z"), WorkingDayCalendar.ZONE));
			assertThat(inOctober.status().missingNextYear()).isNull();
		}

	}

	/** The table of saved years, in memory. */
	static final class InMemoryStore extends CalendarStore {

		private final Map<Integer, StoredYear> years = new TreeMap<>();

		InMemoryStore() {
			super(null);
		}

		@Override
		synchronized List<StoredYear> all() {
			return List.copyOf(this.years.values());
		}

		@Override
		synchronized void save(int year, String arrangement, String updatedBy, Instant at) {
			this.years.put(year, new StoredYear(year, arrangement, updatedBy, at.plusNanos(this.years.size())));
		}

		@Override
		synchronized String fingerprint() {
			return this.years.size() + "/"
					+ this.years.values().stream().map(StoredYear::updatedAt).max(Instant::compareTo).orElse(null);
		}

	}

}
