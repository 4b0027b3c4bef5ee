package io.estatedesk.shared;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Pages answer a missing record, a lost concurrent edit or a malformed address (a letter where a number belongs, a
 * missing or unknown parameter) with a Chinese page, never a stack trace or Spring's English problem details. Ordered
 * before those; the API's own handler comes first for the API.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class PageErrorHandler {

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

	@ExceptionHandler({ MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
			BindException.class, HandlerMethodValidationException.class, MissingServletRequestPartException.class,
			HttpMessageNotReadableException.class })
	String badRequest(Model model, HttpServletResponse response) {
		response.setStatus(400);
		model.addAttribute("status", 400);
		model.addAttribute("messageKey", "error.400.detail");
		return "error";
	}

}
