package io.estatedesk.shared;


import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests that reach no controller — an unknown address, a method or content type an address does not take, an
 * upload over the limit — get a Chinese answer: a problem detail under {@code /api/}, the error page elsewhere. Ordered before Spring's
 * problem-details handler, which would answer them in English.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class UnmatchedRequestHandler {

	private final MessageSource messages;

	UnmatchedRequestHandler(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ModelAndView notFound(HttpServletRequest request) {
		return answer(request, HttpStatus.NOT_FOUND, "problem.notFound.title", "problem.noResource.detail", "error.noResource");
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ModelAndView method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
		return answer(request, HttpStatus.METHOD_NOT_ALLOWED, "problem.methodNotAllowed.title",
				"problem.methodNotAllowed.detail", "error.400.detail");
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ModelAndView mediaType(HttpServletRequest request) {
		return answer(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "problem.mediaType.title", "problem.mediaType.detail",
				"error.400.detail");
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ModelAndView notAcceptable(HttpServletRequest request) {
		return answer(request, HttpStatus.NOT_ACCEPTABLE, "problem.notAcceptable.title", "problem.notAcceptable.detail",
				"error.400.detail");
	}

	/**
	 * An upload over the multipart limit is refused while the request is read, before any controller is chosen,
	 * so neither the API's nor the pages' own handler sees it.
	 */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge(HttpServletRequest request) {
		return answer(request, HttpStatus.CONTENT_TOO_LARGE, "problem.tooLarge.title", "problem.tooLarge", "problem.tooLarge");
	}

	@ExceptionHandler(MultipartException.class)
	ModelAndView badMultipart(HttpServletRequest request) {
		return answer(request, HttpStatus.BAD_REQUEST, "problem.invalid.title", "problem.multipart", "problem.multipart");
	}

	private ModelAndView answer(HttpServletRequest request, HttpStatus status, String title, String detail,
			String pageMessage) {
		var locale = LocaleContextHolder.getLocale();
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			String t = messages.getMessage(title, null, title, locale);
			String d = messages.getMessage(detail, null, detail, locale);
			String instance = request.getRequestURI();
			View view = (model, req, res) -> ProblemJson.write(res, status.value(), t, d, instance);
			return new ModelAndView(view);
		}
		ModelAndView page = new ModelAndView("error", status);
		page.addObject("status", status.value());
		page.addObject("messageKey", pageMessage);
		return page;
	}

}
