package io.estatedesk.shared;


import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the servlet container's error dispatch ({@code /error}) answers — for errors raised outside any controller
 * (a filter, {@code sendError}, a request refused before it reached Spring MVC): a Chinese problem detail for an
 * address under {@code /api/}, the site's error page for the rest. Replaces Spring Boot's error controller, whose
 * answers are English ({@code "error": "Not Found"}).
 */
@Controller
class ErrorPages implements ErrorController {

	private final MessageSource messages;

	ErrorPages(MessageSource messages) {
		this.messages = messages;
	}

	@RequestMapping("${server.error.path:/error}")
	ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null && i >= 400 ? HttpStatus.valueOf(i)
				: HttpStatus.NOT_FOUND;
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = uri == null ? request.getRequestURI() : uri.toString();
		var locale = LocaleContextHolder.getLocale();
		if (path.startsWith(request.getContextPath() + "/api/")) {
			ProblemJson.write(response, status.value(), statusText(status, "title"), statusText(status, "detail"), path);
			return null;
		}
		ModelAndView page = new ModelAndView("error", status);
		page.addObject("status", status.value());
		String key = "problem.status." + status.value() + ".detail";
		page.addObject("messageKey", status.is5xxServerError() || messages.getMessage(key, null, null, locale) == null ? null : key);
		return page;
	}

	private String statusText(HttpStatus status, String part) {
		var locale = LocaleContextHolder.getLocale();
		String fallback = messages.getMessage(status.is5xxServerError() ? "problem.internal." + part
				: "problem.status.400." + part, null, locale);
		return messages.getMessage("problem.status." + status.value() + "." + part, null, fallback, locale);
	}

}
