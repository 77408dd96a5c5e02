package cn.liangxin.opinions.deadline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.liangxin.opinions.calendar.ArrangementParser;
import cn.liangxin.opinions.calendar.CalendarDataException;
import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.calendar.YearArrangement;
import cn.liangxin.opinions.deadline.CalendarStatus.KnownYear;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * Holds the current {@link WorkingDayCalendar}. It is built from the arrangement files
 * bundled with the application ({@code classpath*:calendar/*.txt}) and then those in the
 * {@link CalendarProperties#directory() configured directory}, whose years replace the
 * bundled ones. {@link #reload()} re-reads all files and swaps the calendar atomically; a
 * broken file keeps the previous calendar. At start-up a broken file stops the
 * application.
 */
@Service
public class CalendarService {

	static final String BUNDLED_FILES = "classpath*:calendar/*.txt";

	private static final Logger logger = LoggerFactory.getLogger(CalendarService.class);

	private final Path directory;

	private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

	private volatile Loaded current;

	/**
	 * Creates the service and loads the calendar.
	 * @param properties the settings
	 * @throws CalendarDataException if an arrangement file is broken
	 */
	public CalendarService(CalendarProperties properties) {
		this.directory = properties.directory().toAbsolutePath().normalize();
		this.current = load();
	}

	/**
	 * Returns the current calendar. Callers should not keep it for long, so that they see
	 * a reloaded calendar.
	 * @return the calendar
	 */
	public WorkingDayCalendar calendar() {
		return this.current.calendar();
	}

	/**
	 * Re-reads the bundled files and the directory's files and replaces the calendar.
	 * @return the status after reloading
	 * @throws CalendarDataException if a file is broken; the previous calendar stays in
	 * use
	 */
	public synchronized CalendarStatus reload() {
		try {
			this.current = load();
		}
		catch (CalendarDataException ex) {
			logger.warn("Calendar reload rejected, the previous calendar stays in use: {}", ex.getMessage());
			throw ex;
		}
		return status();
	}

	/**
	 * Returns what the current calendar holds and where it came from.
	 * @return the status
	 */
	public CalendarStatus status() {
		Loaded loaded = this.current;
		WorkingDayCalendar calendar = loaded.calendar();
		List<KnownYear> years = calendar.arrangements()
			.stream()
			.map((arrangement) -> new KnownYear(arrangement.year(), arrangement.source(), arrangement.holidays().size(),
					arrangement.makeUpWorkdays().size()))
			.toList();
		return new CalendarStatus(years, calendar.yearsUsedWithoutData(), this.directory.toString(),
				Files.isDirectory(this.directory), loaded.at());
	}

	private Loaded load() {
		Map<Integer, YearArrangement> byYear = new LinkedHashMap<>();
		Stream.concat(readBundled().stream(), readDirectory().stream()).forEach((arrangement) -> {
			YearArrangement replaced = byYear.put(arrangement.year(), arrangement);
			if (replaced != null) {
				logger.info("Holiday arrangement for {} from {} replaces the one from {}", arrangement.year(),
						arrangement.source(), replaced.source());
			}
		});
		WorkingDayCalendar calendar = new WorkingDayCalendar(byYear.values());
		logger.info("Working-day calendar loaded for {}",
				calendar.arrangements()
					.stream()
					.map((arrangement) -> arrangement.year() + " (" + arrangement.source() + ")")
					.collect(Collectors.joining(", ")));
		return new Loaded(calendar, Instant.now());
	}

	private List<YearArrangement> readBundled() {
		Resource[] resources;
		try {
			resources = this.resolver.getResources(BUNDLED_FILES);
		}
		catch (IOException ex) {
			throw new CalendarDataException(BUNDLED_FILES, "could not be listed (" + ex + ")", ex);
		}
		List<YearArrangement> arrangements = new ArrayList<>();
		Stream.of(resources)
			.sorted(Comparator.comparing(Resource::getFilename, Comparator.nullsFirst(Comparator.naturalOrder())))
			.forEach((resource) -> {
				String source = "classpath:calendar/" + resource.getFilename();
				try (Reader reader = new BufferedReader(
						new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8.newDecoder()))) {
					arrangements.add(ArrangementParser.parse(reader, source));
				}
				catch (IOException ex) {
					throw new CalendarDataException(source, "could not be read (" + ex + ")", ex);
				}
			});
		return arrangements;
	}

	private List<YearArrangement> readDirectory() {
		if (!Files.exists(this.directory)) {
			logger.info("Calendar directory {} does not exist; using the bundled holiday arrangements only",
					this.directory);
			return List.of();
		}
		if (!Files.isDirectory(this.directory)) {
			throw new CalendarDataException(this.directory.toString(), 0,
					"is not a directory (check opinion.calendar.directory)");
		}
		List<Path> files;
		try (Stream<Path> listing = Files.list(this.directory)) {
			files = listing.filter((path) -> path.getFileName().toString().endsWith(".txt"))
				.filter(Files::isRegularFile)
				.sorted(Comparator.comparing((path) -> path.getFileName().toString()))
				.toList();
		}
		catch (IOException ex) {
			throw new CalendarDataException(this.directory.toString(), "could not be listed (" + ex + ")", ex);
		}
		List<YearArrangement> arrangements = new ArrayList<>();
		for (Path file : files) {
			// Files.newBufferedReader reports malformed UTF-8 instead of replacing it
			try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				arrangements.add(ArrangementParser.parse(reader, file.toString()));
			}
			catch (IOException ex) {
				throw new CalendarDataException(file.toString(), "could not be read (" + ex + ")", ex);
			}
		}
		return arrangements;
	}

	private record Loaded(WorkingDayCalendar calendar, Instant at) {

	}

}
