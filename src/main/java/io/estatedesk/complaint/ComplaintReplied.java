package io.estatedesk.complaint;

/** The owner has been given the reply to a complaint; its return call (回访) is due next. */
public record ComplaintReplied(long complaintId, String code, long projectId, Long ownerId, Long unitId, String complainant,
		String contactPhone, long handlerId) {
}
