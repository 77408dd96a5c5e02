package cn.liangxin.opinions.web;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import cn.liangxin.opinions.OpinionHandlingApplication;
import cn.liangxin.opinions.calendar.WorkingDayCalendar;
import cn.liangxin.opinions.demo.DemoData;
import cn.liangxin.opinions.support.TestClock;
import org.junit.jupiter.api.Test;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web server accepts connections before the start-up steps have run (the demo's
 * history is replayed with the engine's clock set months back). Until the application is
 * ready every request answers 503 with a Chinese message, and readiness is DOWN; no
 * request sees the moved clock. A start-up step here holds the start with the clock set
 * back, as the replay does.
 */
class StartupGateIT {

	final HttpClient client = HttpClient.newHttpClient();

	@Test
	void nobodyIsServedWhileTheApplicationStartsAndTheClockIsMovedBack() throws Exception {
		int port = freePort();
		CountDownLatch replaying = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		SpringApplicationBuilder application = new SpringApplicationBuilder(OpinionHandlingApplication.class)
			.profiles("test")
			.initializers((context) -> ((GenericApplicationContext) context).registerBean("replayLikeTheDemo",
					ApplicationRunner.class, () -> (args) -> {
						context.getBean(DemoData.class).createOrganizationsAndPeople();
						TestClock.at(LocalDate.now(WorkingDayCalendar.ZONE).minusMonths(5).toString(), "09:00");
						replaying.countDown();
						finish.await(60, TimeUnit.SECONDS);
						TestClock.reset();
					}));
		CompletableFuture<ConfigurableApplicationContext> started = CompletableFuture
			// without the webapps: closing their servlet context would clear the webapps'
			// static
			// state for the other applications of this JVM
			.supplyAsync(() -> application.run("--server.port=" + port, "--camunda.bpm.webapp.enabled=false"));
		try {
			assertThat(replaying.await(120, TimeUnit.SECONDS)).as("the start-up step runs").isTrue();

			HttpResponse<String> api = send(port, "/api/opinions", true);
			assertThat(api.statusCode()).isEqualTo(503);
			assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
			assertThat(api.body()).contains("系统正在启动");
			HttpResponse<String> intake = this.client.send(HttpRequest.newBuilder(uri(port, "/api/opinions"))
				.header("Authorization", basic())
				.header("Content-Type", "application/json")
				.POST(BodyPublishers.ofString(intake(), StandardCharsets.UTF_8))
				.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
			assertThat(intake.statusCode()).as("no intake is checked against a moved 'today'").isEqualTo(503);
			HttpResponse<String> page = send(port, "/mails.html", false);
			assertThat(page.statusCode()).isEqualTo(503);
			assertThat(page.body()).contains("系统正在启动");
			assertThat(send(port, "/engine-rest/task", true).statusCode()).isEqualTo(503);
			assertThat(send(port, "/actuator/health/readiness", false).statusCode()).isEqualTo(503);
			assertThat(send(port, "/actuator/health/liveness", false).statusCode()).isEqualTo(200);

			finish.countDown();
			ConfigurableApplicationContext context = started.get(120, TimeUnit.SECONDS);
			try {
				assertThat(send(port, "/actuator/health/readiness", false).statusCode()).isEqualTo(200);
				assertThat(send(port, "/api/opinions", true).statusCode()).isEqualTo(200);
				HttpResponse<String> registered = this.client.send(HttpRequest.newBuilder(uri(port, "/api/opinions"))
					.header("Authorization", basic())
					.header("Content-Type", "application/json")
					.POST(BodyPublishers.ofString(intake(), StandardCharsets.UTF_8))
					.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
				assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
			}
			finally {
				context.close();
			}
		}
		finally {
			finish.countDown();
			TestClock.reset();
		}
	}

	private HttpResponse<String> send(int port, String path, boolean authenticated) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(port, path)).GET();
		if (authenticated) {
			request.header("Authorization", basic());
		}
		return this.client.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static String intake() {
		return "{\"orgCode\": \"org1\", \"reporterName\": \"周小平\", \"reportedOn\": \""
				+ LocalDate.now(WorkingDayCalendar.ZONE) + "\", \"channel\": \"VISIT\", \"kind\": \"DIFFICULTY\", "
				+ "\"summary\": \"夜班下班路上照明不足\"}";
	}

	private static URI uri(int port, String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static String basic() {
		return "Basic "
				+ Base64.getEncoder().encodeToString(("sec1:" + DemoData.PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	private static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
