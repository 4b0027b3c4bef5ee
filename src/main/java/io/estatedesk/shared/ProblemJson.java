package io.estatedesk.shared;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * An RFC 9457 problem detail written where no Spring MVC handler answers — the error dispatch, the security
 * chain's 401/403, Tomcat's own refusals, a request no controller matched. {@link ApiProblemHandler} answers the
 * rest with Spring's {@code ProblemDetail}; both give the same fields.
 */
public final class ProblemJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ProblemJson() {
	}

	/** The problem's JSON text; {@code instance} is left out when null. */
	public static byte[] body(int status, String title, String detail, String instance) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", title);
		problem.put("status", status);
		problem.put("detail", detail);
		if (instance != null) {
			problem.put("instance", instance);
		}
		return JSON.writeValueAsBytes(problem);
	}

	/** Sets the status and content type and writes the problem as the response's body. */
	public static void write(HttpServletResponse response, int status, String title, String detail, String instance)
			throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(body(status, title, detail, instance));
	}

}
