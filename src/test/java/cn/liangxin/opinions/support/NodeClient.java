package cn.liangxin.opinions.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client of a node in a child JVM ({@link PackagedNode}, the benchmarks' applications):
 * JSON over HTTP on localhost with HTTP Basic as one user.
 */
public final class NodeClient {

	public static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http;

	private final int port;

	private final String user;

	private final String password;

	public NodeClient(HttpClient http, int port, String user, String password) {
		this.http = http;
		this.port = port;
		this.user = user;
		this.password = password;
	}

	/** The request, with a JSON body unless {@code body} is {@code null}. */
	public HttpRequest request(String method, String path, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", basic(this.user, this.password))
			.header("Accept", "application/json");
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return request.build();
	}

	public HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
		return this.http.send(request(method, path, body), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/**
	 * Sends the request, requires a 2xx answer and returns its JSON (a null node if
	 * empty).
	 */
	public JsonNode call(String method, String path, String body) throws IOException, InterruptedException {
		HttpResponse<String> response = send(method, path, body);
		assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isBetween(200, 299);
		return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
	}

	public static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
