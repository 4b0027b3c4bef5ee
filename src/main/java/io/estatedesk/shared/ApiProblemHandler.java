package io.estatedesk.shared;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

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

	/** A body that fails validation, or a query parameter of a filter that cannot be read (e.g. state=FOO). */
	@ExceptionHandler(BindException.class)
	ProblemDetail invalid(BindException e) {
		Map<String, String> errors = new LinkedHashMap<>();
		List<String> shown = new java.util.ArrayList<>();
		for (FieldError fe : e.getBindingResult().getFieldErrors()) {
			String message = messages.getMessage(fe, LocaleContextHolder.getLocale());
			if (errors.putIfAbsent(fe.getField(), message) == null) {
				// a value that could not be converted says which parameter it was
				shown.add(fe.isBindingFailure() ? msg("problem.badParameter", fe.getField()) : message);
			}
		}
		ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, "problem.invalid.title",
				msg("problem.invalid.detail") + " " + String.join("；", shown));
		pd.setProperty("errors", errors);
		return pd;
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ProblemDetail missing(MissingServletRequestParameterException e) {
		return problem(HttpStatus.BAD_REQUEST, "problem.invalid.title", msg("problem.missingParameter", e.getParameterName()));
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	ProblemDetail missingPart(MissingServletRequestPartException e) {
		return problem(HttpStatus.BAD_REQUEST, "problem.invalid.title", msg("problem.missingParameter", e.getRequestPartName()));
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	ProblemDetail invalidParameters(HandlerMethodValidationException e) {
		return problem(HttpStatus.BAD_REQUEST, "problem.invalid.title", msg("problem.invalid.detail"));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "problem.mediaType.title", msg("problem.mediaType.detail"));
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, "problem.invalid.title", msg("problem.tooLarge"));
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
