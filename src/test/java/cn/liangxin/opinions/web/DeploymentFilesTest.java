package cn.liangxin.opinions.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the deployment files promise an operator, checked where Docker cannot run them:
 * the image runs as an unprivileged user from the jar's layers with a readiness health
 * check; the production compose file publishes the application's port only, takes every
 * secret from the env file and documents each variable it requires in
 * {@code .env.example}; the demo file keeps the demo apart.
 */
class DeploymentFilesTest {

	@Test
	void theImageRunsUnprivilegedFromLayersAndChecksReadiness() throws IOException {
		String dockerfile = Files.readString(Path.of("src/main/docker/Dockerfile"), StandardCharsets.UTF_8);

		assertThat(dockerfile).containsPattern("(?m)^USER 10001:10001$")
			.contains("extract --layers --launcher")
			.contains("HEALTHCHECK")
			.contains("/actuator/health/readiness")
			.contains("-XX:MaxRAMPercentage")
			.doesNotContainPattern("(?m)^USER root");
		assertThat(Files.readString(Path.of(".dockerignore"))).contains("target", ".git", ".env");
	}

	@Test
	@SuppressWarnings("unchecked")
	void productionPublishesTheApplicationOnlyAndTakesEverySecretFromTheEnvFile() throws IOException {
		Map<String, Object> services = (Map<String, Object>) compose("docker-compose.yml").get("services");

		services.forEach((name, service) -> assertThat(((Map<String, Object>) service).containsKey("ports"))
			.as("%s publishes a port", name)
			.isEqualTo(name.equals("app")));
		services.forEach(
				(name, service) -> assertThat(((Map<String, Object>) service).get("restart")).as("%s restarts", name)
					.isEqualTo("unless-stopped"));
		Map<String, Object> app = (Map<String, Object>) services.get("app");
		Map<String, Object> environment = (Map<String, Object>) app.get("environment");
		assertThat(environment).containsEntry("OPINION_DEMO_ENABLED", "false");
		environment.forEach((variable, value) -> {
			if (variable.contains("PASSWORD")) {
				assertThat(String.valueOf(value)).as(variable).startsWith("${").endsWith("}");
			}
		});
		assertThat(((Map<String, Object>) app.get("healthcheck")).get("test").toString())
			.contains("/actuator/health/readiness");
	}

	@Test
	void everyVariableTheComposeFileRequiresIsInTheExampleEnvFile() throws IOException {
		String composeFile = Files.readString(Path.of("docker-compose.yml"), StandardCharsets.UTF_8);
		Set<String> required = new TreeSet<>();
		Matcher matcher = Pattern.compile("\\$\\{([A-Z0-9_]+):\\?").matcher(composeFile);
		while (matcher.find()) {
			required.add(matcher.group(1));
		}

		assertThat(required).contains("OPINION_DB_PASSWORD", "OPINION_ADMIN_PASSWORD", "OPINION_PUBLIC_URL");
		assertThat(ComposeEnvironmentIT.dotEnv(Path.of(".env.example")).keySet()).containsAll(required);
	}

	@Test
	@SuppressWarnings("unchecked")
	void theDemoIsItsOwnFile() throws IOException {
		Map<String, Object> services = (Map<String, Object>) compose("docker-compose.demo.yml").get("services");
		Map<String, Object> app = (Map<String, Object>) services.get("app");

		assertThat((Map<String, Object>) app.get("environment")).containsEntry("OPINION_DEMO_ENABLED", "true");
	}

	private static Map<String, Object> compose(String file) throws IOException {
		try (InputStream in = Files.newInputStream(Path.of(file))) {
			return new Yaml().load(in);
		}
	}

}
