package io.estatedesk.shared;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.validation.BindException;
import org.springframework.validation.ObjectError;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/**
 * Turns every error of the REST API into an RFC 9457 problem detail whose {@code detail} is Chinese.
 */
@RestControllerAdvice(annotations = ApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

	private final MessageSource messages;

	private final InputMessages input;

	ApiProblemHandler(MessageSource messages, InputMessages input) {
		this.messages = messages;
		this.input = input;
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

	private ProblemDetail invalid(Map<String, String> errors) {
		List<String> shown = new ArrayList<>();
		errors.forEach((field, message) -> shown.add(input.forField(field, message)));
		ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, "problem.invalid.title",
				msg("problem.invalid.detail") + " " + String.join("；", shown));
		pd.setProperty("errors", errors);
		return pd;
	}

	/**
	 * A body that fails validation, or query parameters of a filter that cannot be read (e.g. state=FOO): each field
	 * with its message, a value that could not be read with what was expected (for a choice: the choices).
	 */
	@ExceptionHandler(BindException.class)
	ProblemDetail invalid(BindException e) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldError fe : e.getBindingResult().getFieldErrors()) {
			String message = fe.isBindingFailure() && fe.getDefaultMessage() == null ? msg("input.format")
					: messages.getMessage(fe, LocaleContextHolder.getLocale());
			errors.merge(fe.getField(), message, (a, b) -> a.equals(b) ? a : a + " " + b);
		}
		for (ObjectError oe : e.getBindingResult().getGlobalErrors()) {
			errors.merge(oe.getObjectName(), messages.getMessage(oe, LocaleContextHolder.getLocale()), (a, b) -> a + " " + b);
		}
		return invalid(errors);
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ProblemDetail missing(MissingServletRequestParameterException e) {
		ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, "problem.invalid.title", msg("problem.missingParameter", e.getParameterName()));
		pd.setProperty("errors", Map.of(e.getParameterName(), msg("problem.missingParameter", e.getParameterName())));
		return pd;
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	ProblemDetail missingPart(MissingServletRequestPartException e) {
		return problem(HttpStatus.BAD_REQUEST, "problem.invalid.title", msg("problem.missingParameter", e.getRequestPartName()));
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	ProblemDetail invalidParameters(HandlerMethodValidationException e) {
		Map<String, String> errors = new LinkedHashMap<>();
		e.getParameterValidationResults().forEach(r -> {
			String name = r.getMethodParameter().getParameterName() == null ? "?" : r.getMethodParameter().getParameterName();
			r.getResolvableErrors().forEach(err -> errors.merge(name,
					messages.getMessage(err, LocaleContextHolder.getLocale()), (a, b) -> a + " " + b));
		});
		return errors.isEmpty() ? problem(HttpStatus.BAD_REQUEST, "problem.invalid.title", msg("problem.invalid.detail"))
				: invalid(errors);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "problem.mediaType.title", msg("problem.mediaType.detail"));
	}

	/** An Accept the answer cannot meet (e.g. application/xml): 406, said in JSON all the same. */
	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
		return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem(HttpStatus.NOT_ACCEPTABLE, "problem.notAcceptable.title", msg("problem.notAcceptable.detail")));
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, "problem.tooLarge.title", msg("problem.tooLarge"));
	}

	@ExceptionHandler(MultipartException.class)
	ProblemDetail badMultipart(MultipartException e) {
		return problem(HttpStatus.BAD_REQUEST, "problem.invalid.title", msg("problem.multipart"));
	}

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalidInput(InvalidInputException e) {
		Map<String, String> errors = new LinkedHashMap<>();
		e.errors().forEach((field, key) -> errors.put(field, msg(key, e.args(field))));
		return invalid(errors);
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


	/** A path or query parameter that cannot be read: which one, and what it should be. */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
		return invalid(Map.of(e.getName(), input.forValue(e)));
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

	/**
	 * A body that is not the JSON asked for: malformed, or a value of the wrong kind in a named field (a fraction
	 * for an id, an unknown choice, a NUL byte, a date out of range).
	 */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException e) {
		for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
			if (t instanceof JacksonException j && !(t instanceof StreamReadException)) {
				String path = InputMessages.jsonPath(j);
				if (path != null) {
					return invalid(Map.of(path, input.forValue(j)));
				}
			}
		}
		String key = e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")
				? "problem.emptyBody" : "problem.unreadable";
		return problem(HttpStatus.BAD_REQUEST, "problem.invalid.title", msg(key));
	}

	/** A text the database refused (a character PostgreSQL cannot store) that got past the checks on input. */
	@ExceptionHandler(DataAccessException.class)
	ProblemDetail database(DataAccessException e) {
		if (ServerErrors.isRefusedCharacter(e)) {
			return problem(HttpStatus.BAD_REQUEST, "problem.invalid.title", msg("input.controlCharacter"));
		}
		return unexpected(e);
	}

	/** Spring's own errors that carry a status (e.g. a ResponseStatusException): that status, said in Chinese. */
	@ExceptionHandler(ErrorResponseException.class)
	ProblemDetail withStatus(ErrorResponseException e) {
		HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
		if (status == null || status.is5xxServerError()) {
			return unexpected(e);
		}
		return problem(status, "problem.status." + status.value() + ".title",
				messages.getMessage("problem.status." + status.value() + ".detail", null, msg("problem.invalid.detail"),
						LocaleContextHolder.getLocale()));
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception e) {
		log.error("Unexpected API error", e);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "problem.internal.title", msg("problem.internal.detail"));
	}

}
