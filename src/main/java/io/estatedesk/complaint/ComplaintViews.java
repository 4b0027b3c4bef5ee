package io.estatedesk.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the complaint pages and the API show. */
final class ComplaintViews {

	private ComplaintViews() {
	}

	record Row(long id, String code, LocalDate complaintDate, String complainant, String unitLabel, String projectName,
			String category, Severity severity, Channel channel, ComplaintState state, String handler, Instant replyDue,
			Instant closeDue, boolean overdue, Instant appointmentAt, boolean waiting, boolean groupCase) {
	}

	/** The whole 投诉处理单 with its progress; the contact phone is masked unless revealed. */
	record Detail(long id, String code, long projectId, String projectName, String developerName, LocalDate complaintDate,
			String complainant, Instant complainedAt, Long unitId, String unitLabel, Long ownerId, String ownerName,
			String contactPhone, long receiverId, String receiver, long handlerId, String handler, Channel channel,
			long categoryId, String category, Severity severity, boolean groupCase, String content, String remedy,
			String causeType, String causeAnalysis, String correctiveAction, String handlingOpinion, String leaderInstruction,
			String leader, Instant instructedAt, String replyContent, String replyWay, ComplaintState state,
			Instant appointmentAt, String appointmentNote, Instant waitingSince, Instant ackDue, Instant replyDue,
			Instant closeDue, Instant acknowledgedAt, Instant repliedAt, Instant closedAt, Boolean returnSatisfied,
			String returnResult, String lesson, int reopenCount, long version, boolean overdue, Instant repairsDoneAt) {

		/** The same complaint with the contact phone masked (for roles that may not see full numbers). */
		Detail withMaskedPhone() {
			return io.estatedesk.shared.Records.with(this, "contactPhone", io.estatedesk.shared.Masking.phone(contactPhone));
		}
	}

	record Followup(long id, Instant occurredAt, String actor, String way, String content) {
	}

	record Attachment(long id, String fileName, String contentType, long sizeBytes, String uploadedBy, Instant uploadedAt) {
	}

	record Party(long id, Long ownerId, Long unitId, String name) {
	}

	record GroupMember(long id, String code, String complainant, ComplaintState state) {
	}

	record Category(long id, String name, int sortOrder, boolean active) {
	}

	record Full(Detail detail, List<Followup> followups, List<Attachment> attachments, List<Party> parties,
			List<io.estatedesk.shared.CaseHistory.Entry> history) {
	}

}
