package cn.liangxin.opinions.deadline;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Settings of the working-day calendar.
 *
 * @param directory a directory of extra arrangement files ({@code *.txt}), read at
 * start-up and on reload; a year found there replaces the bundled one. Relative paths are
 * relative to the working directory. Defaults to {@code calendar}.
 */
@ConfigurationProperties("opinion.calendar")
public record CalendarProperties(Path directory) {

	static final Path DEFAULT_DIRECTORY = Path.of("calendar");

	/**
	 * Creates the settings, using the default for an unset directory.
	 */
	public CalendarProperties {
		directory = (directory != null) ? directory : DEFAULT_DIRECTORY;
	}

	/**
	 * Binds the directory as text. Spring's own conversion to {@code Path} would resolve
	 * a relative path such as {@code calendar} against the class path, which also has a
	 * {@code calendar} folder (the bundled files); the operator means the working
	 * directory.
	 * @param directory the directory as configured, blank for the default
	 */
	@ConstructorBinding
	CalendarProperties(String directory) {
		this((directory != null && !directory.isBlank()) ? Path.of(directory.strip()) : null);
	}

}
