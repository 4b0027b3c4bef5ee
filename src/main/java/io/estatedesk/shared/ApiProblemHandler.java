package io.estatedesk.shared;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every error of the REST API into an RFC 9457 problem detail whose {@code detail} is Chinese.
 */
@RestControllerAdvice(annotations = ApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

	private final MessageSource messages;

	ApiProblemHandler(MessageSource messages) {
		this.messages = messages;
	}

	private String msg(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	private ProblemDetail problem(HttpStatus status, String titleKey, String detail) {
		ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
		pd.setTitle(msg(titleKey));
		pd.setType(URI.create("about:blank"));
		return pd;
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalid(MethodArgumentNotValidException e) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldError fe : e.getBindingResult().getFieldErrors()) {
			errors.putIfAbsent(fe.getField(), messages.getMessage(fe, LocaleContextHolder.getLocale()));
		}
		ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, "problem.invalid.title",
				msg("problem.invalid.detail") + " " + String.join("；", errors.values()));
		pd.setProperty("errors", errors);
		return pd;
	}

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalidInput(InvalidInputException e) {
		Map<String, String> errors = new LinkedHashMap<>();
		e.errors().forEach((field, key) -> errors.put(field, msg(key)));
		ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, "problem.invalid.title",
				msg("problem.invalid.detail") + " " + String.join("；", errors.values()));
		pd.setProperty("errors", errors);
		return pd;
	}

	@ExceptionHandler(BusinessRuleException.class)
	ProblemDetail rule(BusinessRuleException e) {
		ProblemDetail pd = problem(HttpStatus.UNPROCESSABLE_ENTITY, "problem.rule.title", msg(e.getMessage(), e.args()));
		if (e.field() != null) {
			pd.setProperty("errors", Map.of(e.field(), msg(e.getMessage(), e.args())));
		}
		return pd;
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException e) {
		return problem(HttpStatus.NOT_FOUND, "problem.notFound.title", msg(e.getMessage()));
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ProblemDetail noResource(NoResourceFoundException e) {
		return problem(HttpStatus.NOT_FOUND, "problem.notFound.title", msg("problem.notFound.detail"));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
		return problem(HttpStatus.BAD_REQUEST, "problem.invalid.title", msg("problem.badParameter", e.getName()));
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ProblemDetail conflict(OptimisticLockingFailureException e) {
		return problem(HttpStatus.CONFLICT, "problem.conflict.title", msg("problem.conflict.detail"));
	}

	@ExceptionHandler(ChangedMeanwhile.class)
	ProblemDetail changed(ChangedMeanwhile e) {
		ProblemDetail pd = problem(HttpStatus.CONFLICT, "problem.conflict.title", msg("problem.conflict.detail"));
		pd.setProperty("changes", e.changes());
		return pd;
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail denied(AccessDeniedException e) {
		return problem(HttpStatus.FORBIDDEN, "problem.forbidden.title", msg("problem.forbidden.detail"));
	}

	@ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
	ProblemDetail unreadable(Exception e) {
		return problem(HttpStatus.BAD_REQUEST, "problem.invalid.title", msg("problem.unreadable"));
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception e) {
		log.error("Unexpected API error", e);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "problem.internal.title", msg("problem.internal.detail"));
	}

}
