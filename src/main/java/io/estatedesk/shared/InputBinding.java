package io.estatedesk.shared;

import java.beans.PropertyEditorSupport;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.springframework.beans.PropertyAccessException;
import org.springframework.context.annotation.Bean;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateTimeDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * One check of every text and date a request brings, for forms, query parameters and JSON alike: text with a NUL
 * byte or another control character (PostgreSQL refuses 0x00) and dates outside 1900–2099 are refused, and a value
 * that cannot be read gets a message in the user's language next to its field instead of Spring's English.
 */
@ControllerAdvice
class InputBinding {

	private final InputMessages messages;

	InputBinding(InputMessages messages) {
		this.messages = messages;
	}

	@InitBinder
	void checkInput(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new PropertyEditorSupport() {

			@Override
			public void setAsText(String text) {
				setValue(InputRefused.checkText(text));
			}

		});
		binder.setBindingErrorProcessor(new DefaultBindingErrorProcessor() {

			@Override
			public void processPropertyAccessException(PropertyAccessException ex, BindingResult result) {
				String field = ex.getPropertyName();
				FieldError error = new FieldError(result.getObjectName(), field, ex.getValue(), true,
						new String[] { "input.refused." + field, "input.refused" }, null, messages.forValue(ex));
				error.wrap(ex);
				result.addError(error);
			}

		});
	}

	@Bean
	static JsonMapperBuilderCustomizer checkedJsonInput() {
		SimpleModule module = new SimpleModule("estatedesk-input");
		module.addDeserializer(String.class, new StdScalarDeserializer<String>(String.class) {

			@Override
			public String deserialize(JsonParser p, DeserializationContext ctxt) {
				return InputRefused.checkText(StringDeserializer.instance.deserialize(p, ctxt));
			}

		});
		module.addDeserializer(LocalDate.class, new StdScalarDeserializer<LocalDate>(LocalDate.class) {

			@Override
			public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
				return InputRefused.checkDate(LocalDateDeserializer.INSTANCE.deserialize(p, ctxt));
			}

		});
		module.addDeserializer(LocalDateTime.class, new StdScalarDeserializer<LocalDateTime>(LocalDateTime.class) {

			@Override
			public LocalDateTime deserialize(JsonParser p, DeserializationContext ctxt) {
				LocalDateTime value = LocalDateTimeDeserializer.INSTANCE.deserialize(p, ctxt);
				if (value != null) {
					InputRefused.checkDate(value.toLocalDate());
				}
				return value;
			}

		});
		return builder -> builder.addModule(module);
	}

}
