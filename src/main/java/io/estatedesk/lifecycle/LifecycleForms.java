package io.estatedesk.lifecycle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import io.estatedesk.shared.Happened;
import io.estatedesk.shared.Planned;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;

/** Owner, due date, status and notes of a duty item. */
record DutyForm(Long ownerId, @Planned @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate,
		@NotNull(message = "{duty.status.required}") DutyBoard.Status status,
		@Size(max = DutyBoard.NOTES_MAX, message = "{input.tooLong}") String notes) {

	static DutyForm of(DutyBoard.Item item) {
		return new DutyForm(item.ownerId(), item.dueDate(), item.status(), item.notes());
	}
}

/**
 * A record of a duty as typed: amount and score stay text until they are read, so that "三块二" is answered with
 * "请输入数字" (and a negative number with its own message) and the text stays in the field.
 */
record RecordInput(@Happened @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate recordDate,
		@Size(max = DutyBoard.TITLE_MAX, message = "{input.tooLong}") String title,
		@Size(max = DutyBoard.CONTENT_MAX, message = "{input.tooLong}") String content,
		@Size(max = DutyBoard.CONTENT_MAX, message = "{input.tooLong}") String response,
		@Size(max = DutyBoard.NAME_MAX, message = "{input.tooLong}") String counterparty,
		@Size(max = DutyBoard.NAME_MAX, message = "{input.tooLong}") String reference,
		@Pattern(regexp = RecordInput.NUMBER, message = "{input.numberOnly}") String amount,
		@Pattern(regexp = RecordInput.NUMBER, message = "{input.numberOnly}") String score, Boolean awarded,
		MultipartFile attachment) {

	/** Blank, or a decimal number with an optional sign. */
	static final String NUMBER = io.estatedesk.shared.FieldErrors.NUMBER;

	static RecordInput startingOn(LocalDate day) {
		return new RecordInput(day, "", "", "", "", "", "", "", null, null);
	}

	DutyBoard.RecordForm toRecord() {
		return new DutyBoard.RecordForm(recordDate, title, content, response, counterparty, reference, decimal(amount),
				decimal(score), awarded);
	}

	private static BigDecimal decimal(String s) {
		return s == null || s.isBlank() ? null : new BigDecimal(s.strip());
	}
}

/**
 * 新的检查: the project (chosen here), the day, the property company and per checklist item its score (as typed)
 * and note.
 */
record InspectionForm(@NotNull(message = "{handover.project.required}") Long projectId,
		@NotNull(message = "{supervision.date.required}") @Happened @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate inspectedOn,
		@Size(max = Supervision.COMPANY_MAX, message = "{input.tooLong}") String propertyCompany,
		@Size(max = Supervision.TEXT_MAX, message = "{input.tooLong}") String notes, Map<Long, String> scores,
		Map<Long, String> itemNotes) {

	InspectionForm {
		scores = scores == null ? new LinkedHashMap<>() : new LinkedHashMap<>(scores);
		itemNotes = itemNotes == null ? new LinkedHashMap<>() : new LinkedHashMap<>(itemNotes);
	}
}

/** 发整改通知 */
record NoticeForm(Long itemId,
		@NotBlank(message = "{supervision.notice.requirementRequired}") @Size(max = Supervision.TEXT_MAX, message = "{input.tooLong}") String requirement,
		@NotNull(message = "{supervision.notice.deadlineRequired}") @Planned @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline) {
}

/** 复查: passed or not, what was found, and for a failed one the new deadline. */
record ReinspectionForm(Long inspectionId, @NotNull(message = "{input.format}") Boolean passed,
		@NotBlank(message = "{supervision.notice.resultRequired}") @Size(max = Supervision.TEXT_MAX, message = "{input.tooLong}") String result,
		@Planned @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate newDeadline, Long version, String back) {
}
