package io.estatedesk.frontdesk;

import java.time.LocalDateTime;

import io.estatedesk.shared.Happened;
import io.estatedesk.shared.Phone;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The 来电 and 来访 forms of the pages: what the 内勤 types, kept as typed (times included) when the page comes back
 * with an error. {@code pick} is the owner (and home) chosen from those the number found, as {@code ownerId:unitId}.
 */
final class FrontDeskForms {

	private FrontDeskForms() {
	}

	/** The limits of the texts, as their columns and the printed register allow. */
	static final int NAME = 60;

	static final int PHONE = 30;

	static final int TOPIC = 60;

	static final int CALL_TEXT = 2000;

	static final int LOCATION = 200;

	static final int EMPLOYER = 100;

	static final int REASON = 500;

	static final int HOST = 60;

	static final int PEOPLE = 999;

	record CallEntry(
			@Happened(message = "{call.receivedAt.happened}") @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm", fallbackPatterns = "yyyy-MM-dd'T'HH:mm:ss") LocalDateTime receivedAt,
			@NotNull(message = "{call.type.required}") FrontDesk.CallType type,
			@Size(max = TOPIC, message = "{input.tooLong}") String topic,
			@Size(max = NAME, message = "{input.tooLong}") String callerName,
			@Size(max = PHONE, message = "{input.tooLong}") @Phone String callerPhone, String pick, Long projectId,
			@NotBlank(message = "{call.content.required}") @Size(max = CALL_TEXT, message = "{input.tooLong}") String content,
			@Size(max = CALL_TEXT, message = "{input.tooLong}") String answer, Boolean followUp, Long categoryId,
			String tradeCode, @Size(max = LOCATION, message = "{input.tooLong}") String location, Boolean emergency) {

		static CallEntry empty(LocalDateTime now) {
			return new CallEntry(now, null, "", "", "", "", null, "", "", false, null, "", "", false);
		}

		Long ownerId() {
			return part(pick, 0);
		}

		Long unitId() {
			return part(pick, 1);
		}
	}

	record VisitEntry(@NotNull(message = "{visit.identity.required}") FrontDesk.Identity identity,
			@NotBlank(message = "{visit.name.required}") @Size(max = NAME, message = "{input.tooLong}") String name,
			String gender,
			@Size(max = EMPLOYER, message = "{input.tooLong}") String employer,
			@Size(max = PHONE, message = "{input.tooLong}") @Phone String phone,
			@NotBlank(message = "{visit.reason.required}") @Size(max = REASON, message = "{input.tooLong}") String reason,
			@Min(value = 1, message = "{visit.people.invalid}") @Max(value = PEOPLE, message = "{visit.people.tooMany}") Integer people,
			@Happened(message = "{visit.timeIn.happened}") @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm", fallbackPatterns = "yyyy-MM-dd'T'HH:mm:ss") LocalDateTime timeIn,
			@Happened(message = "{visit.timeOut.happened}") @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm", fallbackPatterns = "yyyy-MM-dd'T'HH:mm:ss") LocalDateTime timeOut,
			@Size(max = HOST, message = "{input.tooLong}") String host, String pick) {

		/** A new entry: no 身份 and no 性别 chosen — the clerk asks, the form does not guess. */
		static VisitEntry empty(LocalDateTime now, String host) {
			return new VisitEntry(null, "", "", "", "", "", 1, now, null, host == null ? "" : host, "");
		}

		Long ownerId() {
			return part(pick, 0);
		}

		Long unitId() {
			return part(pick, 1);
		}
	}

	/** One part of {@code ownerId:unitId}; null when empty or not a number. */
	static Long part(String pick, int index) {
		if (pick == null || !pick.contains(":")) {
			return null;
		}
		String p = pick.split(":", -1)[index].strip();
		try {
			return p.isEmpty() ? null : Long.valueOf(p);
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

}
