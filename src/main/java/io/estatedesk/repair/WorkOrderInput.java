package io.estatedesk.repair;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What an action on a work order takes, as far as it takes anything; the fields an action does not use are ignored.
 *
 * @param contractorId {@link WorkOrderAction#DISPATCH}: the team or contractor
 * @param note the note of a dispatch, progress or finish; the reason of a rejection, pause or cancellation; the
 *     acceptance note; the result of a return call
 * @param materials {@link WorkOrderAction#FINISH}: the materials used
 * @param ownerRating {@link WorkOrderAction#ACCEPT}: 1–5
 * @param satisfied {@link WorkOrderAction#RETURN_CALL} (true) or a reopening (false)
 * @param resumeOn {@link WorkOrderAction#PAUSE}: the day work resumes
 * @param from {@link WorkOrderAction#APPOINT}: the start of the window agreed with the owner
 * @param to {@link WorkOrderAction#APPOINT}: its end, or null
 */
public record WorkOrderInput(Long contractorId, String note, String materials, Integer ownerRating, Boolean satisfied,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate resumeOn,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to) {

	/** An action that takes nothing (start, resume). */
	public static WorkOrderInput none() {
		return new WorkOrderInput(null, null, null, null, null, null, null, null);
	}

	/** An action that takes a note or reason only. */
	public static WorkOrderInput note(String note) {
		return new WorkOrderInput(null, note, null, null, null, null, null, null);
	}

	static WorkOrderInput dispatch(Long contractorId, String note) {
		return new WorkOrderInput(contractorId, note, null, null, null, null, null, null);
	}

	static WorkOrderInput finish(String note, String materials) {
		return new WorkOrderInput(null, note, materials, null, null, null, null, null);
	}

	static WorkOrderInput accept(Integer rating, String note) {
		return new WorkOrderInput(null, note, null, rating, null, null, null, null);
	}

	static WorkOrderInput pause(String reason, LocalDate resumeOn) {
		return new WorkOrderInput(null, reason, null, null, null, resumeOn, null, null);
	}

	static WorkOrderInput returnCall(Boolean satisfied, String result) {
		return new WorkOrderInput(null, result, null, null, satisfied, null, null, null);
	}

	static WorkOrderInput appointment(LocalDateTime from, LocalDateTime to) {
		return new WorkOrderInput(null, null, null, null, null, null, from, to);
	}

}
