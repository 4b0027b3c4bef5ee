package io.estatedesk.shared;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.util.HtmlUtils;

/**
 * Requests Tomcat refuses before the application sees them — an address or headers over
 * {@code server.max-http-request-header-size}, a NUL byte in the path — are answered short and in Chinese (a problem
 * detail for the API, a small page otherwise) instead of Tomcat's English HTML report naming the server.
 */
@Configuration(proxyBeanMethods = false)
class ServerErrorAnswers {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> chineseErrorReports(MessageSource messages) {
		return new Customizer(messages);
	}

	/** Ordered after Spring Boot's own Tomcat customizer, which adds the report valve this one replaces. */
	record Customizer(MessageSource messages) implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			factory.addContextCustomizers(context -> {
				Host host = (Host) context.getParent();
				// Spring Boot adds Tomcat's own report valve; this one takes its place
				for (Valve v : host.getPipeline().getValves()) {
					if (v instanceof ErrorReportValve) {
						host.getPipeline().removeValve(v);
					}
				}
				host.getPipeline().addValve(new ChineseReport(messages));
				if (host instanceof StandardHost standard) {
					standard.setErrorReportValveClass(ChineseReport.class.getName());
				}
			});
		}

	}

	static final class ChineseReport extends ErrorReportValve {

		private final MessageSource messages;

		/** Tomcat instantiates the configured report valve class itself when a host lacks one. */
		public ChineseReport() {
			this(null);
		}

		ChineseReport(MessageSource messages) {
			this.messages = messages;
			setShowReport(false);
			setShowServerInfo(false);
		}

		private String msg(String key, String fallback) {
			return messages == null ? fallback : messages.getMessage(key, null, fallback, Locale.SIMPLIFIED_CHINESE);
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0) {
				return;
			}
			AtomicBoolean ioAllowed = new AtomicBoolean(false);
			response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
			if (!ioAllowed.get()) {
				return;
			}
			String prefix = status >= 500 ? "problem.internal" : "problem.status." + status;
			String title = msg(prefix + ".title", msg("problem.status.400.title", "请求有误"));
			String detail = msg(status == 400 ? "problem.rejected.detail" : prefix + ".detail",
					msg("problem.rejected.detail", "请求无法处理。"));
			String uri = request.getDecodedRequestURI();
			String accept = request.getHeader("Accept");
			boolean api = (uri != null && uri.startsWith("/api/")) || (accept != null && accept.contains("json"));
			try {
				String body;
				if (api) {
					response.setContentType("application/problem+json");
					body = new String(ProblemJson.body(status, title, detail, null), java.nio.charset.StandardCharsets.UTF_8);
				}
				else {
					response.setContentType("text/html");
					body = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>"
							+ HtmlUtils.htmlEscape(title) + "</title></head><body><main id=\"error-page\"><h1>"
							+ HtmlUtils.htmlEscape(title) + "</h1><p>" + HtmlUtils.htmlEscape(detail)
							+ "</p><p><a href=\"/\">" + HtmlUtils.htmlEscape(msg("error.home", "返回工作台"))
							+ "</a></p></main></body></html>";
				}
				response.setCharacterEncoding("UTF-8");
				PrintWriter writer = response.getReporter();
				if (writer != null) {
					writer.write(body);
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException e) {
				// the connection is gone or already answered: nothing more to say
			}
		}

	}

}
