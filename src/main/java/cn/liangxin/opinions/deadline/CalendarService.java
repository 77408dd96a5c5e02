package cn.liangxin.opinions.deadline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.stereotype.Service;

/**
 * Holds the current {@link WorkingDayCalendar}. It is built from the arrangement files
 * bundled with the application ({@code classpath*:calendar/*.txt}), then those in the
 * {@link CalendarProperties#directory() configured directory}, then the years
 * administrators saved in the application ({@link CalendarStore}, every node's), each
 * replacing the same year of the ones before. {@link #reload()} re-reads everything and
 * swaps the calendar atomically; a broken file keeps the previous calendar. At start-up a
 * broken file stops the application. {@link #refreshIfChanged()} reloads when another
 * node saved a year.
 */
@Service
@DependsOnDatabaseInitialization
public class CalendarService {

	static final String BUNDLED_FILES = "classpath*:calendar/*.txt";

	/** From this month on, admins are told when next year's arrangement is missing. */
	static final int NOTICE_FROM_MONTH = 11;

	private static final Logger logger = LoggerFactory.getLogger(CalendarService.class);

	/** Where a year saved through the API came from, in errors and the status. */
	static final String SAVED = "保存的%d年安排";

	private final Path directory;

	private final CalendarStore store;

	private final Clock clock;

	private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

	private volatile Loaded current;

	/**
	 * Creates the service and loads the calendar.
	 * @param properties the settings
	 * @param store the years saved in the application
	 * @throws CalendarDataException if an arrangement file is broken
	 */
	@Autowired
	public CalendarService(CalendarProperties properties, CalendarStore store) {
		this(properties, store, Clock.systemUTC());
	}

	CalendarService(CalendarProperties properties, CalendarStore store, Clock clock) {
		this.directory = properties.directory().toAbsolutePath().normalize();
		this.store = store;
		this.clock = clock;
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
	 * Checks, then saves the arrangement of a year in the database (for every node and
	 * across restarts) and loads the calendar with it.
	 * @param year the year of the request
	 * @param text the arrangement in the file format (docs/calendar.md)
	 * @param user who saves it
	 * @return the status after loading
	 * @throws CalendarDataException naming the line, if the text is broken or declares
	 * another year; nothing is saved then
	 */
	public synchronized CalendarStatus save(int year, String text, String user) {
		String source = SAVED.formatted(year);
		YearArrangement arrangement = ArrangementParser.parse(new StringReader(text), source);
		if (arrangement.year() != year) {
			throw new CalendarDataException(source, 0,
					"declares year " + arrangement.year() + ", but was sent for " + year);
		}
		this.store.save(year, text, user, this.clock.instant());
		logger.info("Holiday arrangement for {} saved by {} ({} holidays, {} make-up working days)", year, user,
				arrangement.holidays().size(), arrangement.makeUpWorkdays().size());
		this.current = load();
		return status();
	}

	/**
	 * Reloads if a node saved a year since the last load.
	 * @return whether it reloaded
	 */
	public synchronized boolean refreshIfChanged() {
		if (this.store.fingerprint().equals(this.current.stored())) {
			return false;
		}
		logger.info("The holiday arrangements saved in the database changed; reloading the calendar");
		this.current = load();
		return true;
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
		LocalDate today = WorkingDayCalendar.today(this.clock);
		int nextYear = today.getYear() + 1;
		boolean nextYearMissing = today.getMonthValue() >= NOTICE_FROM_MONTH
				&& years.stream().noneMatch((known) -> known.year() == nextYear);
		return new CalendarStatus(years, calendar.yearsUsedWithoutData(), this.directory.toString(),
				Files.isDirectory(this.directory), loaded.at(), nextYearMissing ? nextYear : null);
	}

	private Loaded load() {
		Map<Integer, YearArrangement> byYear = new LinkedHashMap<>();
		String stored = this.store.fingerprint();
		Stream.of(readBundled(), readDirectory(), readStored()).flatMap(List::stream).forEach((arrangement) -> {
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
		return new Loaded(calendar, Instant.now(), stored);
	}

	private List<YearArrangement> readStored() {
		return this.store.all()
			.stream()
			.map((year) -> ArrangementParser.parse(new StringReader(year.arrangement()), year.source()))
			.toList();
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

	private record Loaded(WorkingDayCalendar calendar, Instant at, String stored) {

	}

}
