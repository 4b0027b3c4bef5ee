package io.estatedesk.repair;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.estatedesk.shared.CaseHistory;
import io.estatedesk.shared.Masking;

/** Read models of work orders for pages and the API. */
final class WorkOrderViews {

	private WorkOrderViews() {
	}

	/** A line of the work order list. */
	record Row(long id, String code, String projectName, String place, String tradeName, String description,
			Urgency urgency, WorkOrderState state, String contractorName, Instant reportedAt, Instant dueAt,
			boolean overdue, Warranty.Status warrantyStatus, Charge charge, int reworkCount, Integer ownerRating,
			Instant returnCallDue) {
	}

	/** One work order with everything its page shows. */
	record Detail(long id, String code, long projectId, String projectName, Long unitId, String unitLabel,
			LocalDate handoverDate, Long ownerId, String ownerName, String publicArea, Long complaintId,
			String complaintCode, Source source, long tradeId, String tradeName, String component, String componentName,
			String location, String description, Urgency urgency, WorkOrderState state, Long contractorId,
			String contractorName, String contactName, String contactPhone, Instant appointmentFrom,
			Instant appointmentTo, Instant reportedAt, Instant dueAt, Instant dispatchedAt, Instant startedAt,
			Instant finishedAt, Instant acceptedAt, Instant cancelledAt, Instant pausedAt, WorkOrderState pausedFrom,
			String pauseReason, LocalDate resumeOn, Warranty.Status warrantyStatus, LocalDate warrantyUntil,
			Integer warrantyVersion, Charge charge, String materials, BigDecimal cost, int reworkCount,
			Integer ownerRating, String acceptanceNote, Instant returnCallDue, Instant returnCallAt,
			Boolean returnSatisfied, String returnResult, String createdBy, long version, boolean overdue) {

		Detail withMaskedPhone() {
			return new Detail(id, code, projectId, projectName, unitId, unitLabel, handoverDate, ownerId, ownerName,
					publicArea, complaintId, complaintCode, source, tradeId, tradeName, component, componentName, location,
					description, urgency, state, contractorId, contractorName, contactName, Masking.phone(contactPhone),
					appointmentFrom, appointmentTo, reportedAt, dueAt, dispatchedAt, startedAt, finishedAt, acceptedAt,
					cancelledAt, pausedAt, pausedFrom, pauseReason, resumeOn, warrantyStatus, warrantyUntil,
					warrantyVersion, charge, materials, cost, reworkCount, ownerRating, acceptanceNote, returnCallDue,
					returnCallAt, returnSatisfied, returnResult, createdBy, version, overdue);
		}

		String place() {
			return unitLabel != null ? unitLabel : projectName + " " + publicArea;
		}

	}

	record Photo(long id, String stage, String fileName, long sizeBytes, String uploadedBy, Instant uploadedAt) {
	}

	record Full(Detail detail, List<Photo> photos, List<CaseHistory.Entry> history) {
	}

	/** A contractor's record over a period (履约评价). */
	record Score(long contractorId, String name, String kind, long total, long completed, long open, long overdue,
			Double onTimeRate, Double reworkRate, Double averageDays, Double averageRating) {
	}

}
