package cn.liangxin.opinions.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Reads the arrangement files shipped in {@code src/main/resources/calendar}.
 */
public final class BundledCalendar {

	static final List<Integer> YEARS = IntStream.rangeClosed(2024, 2026).boxed().toList();

	private BundledCalendar() {
	}

	static YearArrangement arrangement(int year) {
		String name = "calendar/" + year + ".txt";
		InputStream in = BundledCalendar.class.getClassLoader().getResourceAsStream(name);
		if (in == null) {
			throw new IllegalStateException(name + " is not on the class path");
		}
		try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
			return ArrangementParser.parse(reader, name);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static WorkingDayCalendar calendar() {
		return new WorkingDayCalendar(YEARS.stream().map(BundledCalendar::arrangement).toList());
	}

}
