package io.estatedesk.shared;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Pages answer a missing record, a lost concurrent edit or a malformed address (a letter where a number belongs, a
 * missing or unknown parameter, a NUL byte in a search, a page size out of range) with a Chinese page saying what
 * was wrong, never a stack trace or Spring's English problem details. Ordered before those; the API's own handler
 * comes first for the API.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class PageErrorHandler {

	private final InputMessages input;

	PageErrorHandler(InputMessages input) {
		this.input = input;
	}

	@ExceptionHandler(NotFoundException.class)
	String notFound(NotFoundException e, Model model, HttpServletResponse response) {
		response.setStatus(404);
		model.addAttribute("status", 404);
		model.addAttribute("messageKey", e.getMessage());
		return "error";
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	String conflict(Model model, HttpServletResponse response) {
		response.setStatus(409);
		model.addAttribute("status", 409);
		model.addAttribute("messageKey", "problem.conflict.detail");
		return "error";
	}

	@ExceptionHandler({ MissingServletRequestParameterException.class, HandlerMethodValidationException.class,
			MissingServletRequestPartException.class, HttpMessageNotReadableException.class })
	String badRequest(Model model, HttpServletResponse response) {
		return badRequest(model, response, null);
	}

	/** A parameter of the address that cannot be read: which one, and what it should be. */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	String mismatch(MethodArgumentTypeMismatchException e, Model model, HttpServletResponse response) {
		return badRequest(model, response, input.forField(e.getName(), input.forValue(e)));
	}

	/** A list's filter that cannot be read (state=FOO, a NUL byte in the search). */
	@ExceptionHandler(BindException.class)
	String unreadableFilter(BindException e, Model model, HttpServletResponse response) {
		FieldError first = e.getBindingResult().getFieldError();
		String detail = first == null ? null
				: input.forField(first.getField(), input.msgOf(first, LocaleContextHolder.getLocale()));
		return badRequest(model, response, detail);
	}

	@ExceptionHandler(Paged.PageRequestRefused.class)
	String pageOutOfRange(Paged.PageRequestRefused e, Model model, HttpServletResponse response) {
		return badRequest(model, response, input.msg(e.errors().values().iterator().next()));
	}

	/** A character the database cannot store that got past the checks on input: the request's fault, not a 500. */
	@ExceptionHandler(DataAccessException.class)
	String database(DataAccessException e, Model model, HttpServletResponse response) throws DataAccessException {
		if (!ServerErrors.isRefusedCharacter(e)) {
			throw e;
		}
		return badRequest(model, response, input.msg("input.controlCharacter"));
	}

	private static String badRequest(Model model, HttpServletResponse response, String detail) {
		response.setStatus(400);
		model.addAttribute("status", 400);
		model.addAttribute("messageKey", "error.400.detail");
		model.addAttribute("detail", detail);
		return "error";
	}

}
