package io.estatedesk.shared;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Whole numbers typed as text, and a facade's errors moved to the form's field names with their arguments. */
class FieldErrorsTests {

	@Test
	void aWholeNumberIsReadWithinItsRangeAndEveryOtherTextIsNamedUnderItsField() {
		FieldErrors e = new FieldErrors();
		assertThat(e.whole("a", " 3 ", 1, 10, "range")).isEqualTo(3);
		assertThat(e.whole("b", "", 1, 10, "range")).isNull();
		assertThat(e.whole("c", "三", 1, 10, "range")).isNull();
		assertThat(e.whole("d", "3.5", 1, 10, "range")).isNull();
		assertThat(e.whole("f", "3.0", 1, 10, "range")).isEqualTo(3);
		assertThat(e.whole("g", "11", 1, 10, "range")).isNull();
		assertThat(e.whole("h", "0", 1, 10, "range")).isNull();
		assertThatThrownBy(e::throwIfAny).isInstanceOfSatisfying(InvalidInputException.class, x -> assertThat(x.errors())
			.isEqualTo(Map.of("c", "input.numberOnly", "d", "range", "g", "range", "h", "range")));
	}

	record Form(String text) {
	}

	@Test
	void renamedErrorsKeepTheirArgumentsAndStandUnderTheFormsField() {
		InvalidInputException facade = new InvalidInputException(Map.of("note_7", "input.tooLongAt"),
				Map.of("note_7", new Object[] { 3 }));
		BeanPropertyBindingResult errors = new BeanPropertyBindingResult(new Form("一二三四"), "form");
		facade.renamed(field -> field.equals("note_7") ? "text" : field).addMissingTo(errors);
		assertThat(errors.getFieldError("text").getCode()).isEqualTo("input.tooLongAt");
		assertThat(errors.getFieldError("text").getArguments()).containsExactly(3);
	}

}
