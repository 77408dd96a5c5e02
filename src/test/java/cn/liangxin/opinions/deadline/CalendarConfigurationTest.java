package cn.liangxin.opinions.deadline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import cn.liangxin.opinions.calendar.CalendarDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarConfigurationTest {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(CalendarConfiguration.class)
		.withBean(CalendarStore.class, CalendarServiceTest.InMemoryStore::new);

	@TempDir
	Path directory;

	@Test
	void givenNoSettingThenTheDirectoryIsCalendarInTheWorkingDirectory() {
		this.contextRunner.run((context) -> assertThat(context.getBean(CalendarProperties.class).directory())
			.isEqualTo(Path.of("calendar")));
	}

	@Test
	void givenARelativeDirectoryThenItStaysRelativeToTheWorkingDirectoryNotTheClassPath() {
		// the class path has a calendar folder too (the bundled files); it must not be
		// picked
		this.contextRunner.withPropertyValues("opinion.calendar.directory=calendar")
			.run((context) -> assertThat(context.getBean(CalendarProperties.class).directory())
				.isEqualTo(Path.of("calendar")));
	}

	@Test
	void givenAnAbsoluteDirectoryThenItIsUsed() {
		this.contextRunner.withPropertyValues("opinion.calendar.directory=/srv/opinions/calendar")
			.run((context) -> assertThat(context.getBean(CalendarProperties.class).directory())
				.isEqualTo(Path.of("/srv/opinions/calendar")));
	}

	@Test
	void givenTheConfiguredDirectoryThenTheServiceReadsIt() throws IOException {
		Files.writeString(this.directory.resolve("2027.txt"), "year 2027\nholiday 2027-01-01 元旦\n");

		this.contextRunner.withBean(CalendarService.class)
			.withPropertyValues("opinion.calendar.directory=" + this.directory)
			.run((context) -> assertThat(context.getBean(CalendarService.class).calendar().knownYears())
				.containsExactly(2024, 2025, 2026, 2027));
	}

	@Test
	void givenABrokenFileThenStartUpFailsWithTheParsersMessage() throws IOException {
		Files.writeString(this.directory.resolve("2027.txt"), "year 2027\nholiday 2027-13-01\n");

		this.contextRunner.withBean(CalendarService.class)
			.withPropertyValues("opinion.calendar.directory=" + this.directory)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(CalendarDataException.class)
				.hasMessageContaining("2027.txt line 2: bad date '2027-13-01'"));
	}

}
