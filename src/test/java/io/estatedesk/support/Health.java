package io.estatedesk.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks the running application's {@code /actuator/health} over real HTTP, as a load balancer would. */
public final class Health {

	private Health() {
	}

	/**
	 * Milliseconds until {@code /actuator/health} answered 200 with status UP, asking again for at most
	 * {@code within}; -1 when it did not.
	 */
	public static long millisUntilUp(int port, Duration within) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		long start = System.nanoTime();
		long deadline = start + within.toNanos();
		while (System.nanoTime() < deadline) {
			try {
				HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
					.timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
				if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
					return (System.nanoTime() - start) / 1_000_000;
				}
			}
			catch (java.io.IOException e) {
				// not answering yet: ask again
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return -1;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return -1;
			}
		}
		return -1;
	}

}
