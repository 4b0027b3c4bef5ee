package io.estatedesk.staff;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import io.estatedesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The headers browsers and API clients get, read over real HTTP from the running server. */
@IntegrationTest
class SecurityHeadersIntegrationTests {

	static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@LocalServerPort
	int port;

	HttpResponse<String> get(String path, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	static String basic(String username, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void theSessionCookieIsSameSiteLaxAndHttpOnly() throws Exception {
		HttpResponse<String> login = get("/login", null);
		List<String> cookies = login.headers().allValues("Set-Cookie");
		assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("SameSite=Lax").contains("HttpOnly"));
	}

	@Test
	void everyResponseSendsReferrerPolicySameOrigin() throws Exception {
		for (HttpResponse<String> r : List.of(get("/login", null), get("/api/v1/me", null),
				get("/api/v1/me", basic("admin", IntegrationTest.ADMIN_PASSWORD)), get("/v3/api-docs", null))) {
			assertThat(r.headers().firstValue("Referrer-Policy")).as(r.uri().toString()).hasValue("same-origin");
		}
	}

	@Test
	void apiResponsesCarryAContentSecurityPolicyThatAllowsNothing() throws Exception {
		for (HttpResponse<String> r : List.of(get("/api/v1/me", null), get("/api/v1/me", basic("admin", IntegrationTest.ADMIN_PASSWORD)))) {
			assertThat(r.headers().firstValue("Content-Security-Policy")).as(r.uri().toString())
				.hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'").contains("frame-ancestors 'none'"));
			assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		}
	}

	@Test
	void anApiRequestWithoutValidCredentialsIsToldHowToAuthenticate() throws Exception {
		for (HttpResponse<String> r : List.of(get("/api/v1/me", null), get("/api/v1/me", basic(io.estatedesk.support.Fixtures.unique("nobody-"), "x")),
				get("/api/v1/me", "Bearer edk_nonsense"))) {
			assertThat(r.statusCode()).isEqualTo(401);
			assertThat(r.headers().allValues("WWW-Authenticate")).as(r.uri().toString())
				.contains("Basic realm=\"EstateDesk\", charset=\"UTF-8\"", "Bearer realm=\"EstateDesk\"");
			assertThat(r.body()).contains("员工账号");
		}
	}

	@Test
	void theApiDocumentNeedsASignIn() throws Exception {
		HttpResponse<String> anonymous = get("/v3/api-docs", null);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.body()).doesNotContain("/api/v1/owners");
		assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isPresent();
		HttpResponse<String> signedIn = get("/v3/api-docs", basic("admin", IntegrationTest.ADMIN_PASSWORD));
		assertThat(signedIn.statusCode()).isEqualTo(200);
		assertThat(signedIn.body()).contains("/api/v1/owners");
		HttpResponse<String> ui = get("/swagger-ui/index.html", null);
		assertThat(ui.statusCode()).isEqualTo(302);
		assertThat(ui.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
	}

}
