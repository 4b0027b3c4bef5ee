package io.estatedesk.complaint;

import io.estatedesk.shared.BusinessClock;
import io.estatedesk.shared.HistoryKind;
import io.estatedesk.shared.HistoryStep;
import io.estatedesk.shared.HistorySteps;
import io.estatedesk.shared.Strings;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The 投诉处理单 and its progress. Other modules' records are held by ID. */
@Entity
@Table(name = "complaint")
// only changed columns are written, so a user's save never undoes what the deadline job recorded meanwhile
@org.hibernate.annotations.DynamicUpdate
class Complaint {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	Long id;

	String code;

	Long projectId;

	LocalDate complaintDate;

	String complainant;

	Instant complainedAt;

	Long ownerId;

	Long unitId;

	String contactPhone;

	Long receiverId;

	Long handlerId;

	@Enumerated(EnumType.STRING)
	Channel channel;

	Long categoryId;

	@Enumerated(EnumType.STRING)
	Severity severity;

	boolean groupCase;

	Long groupId;

	String content;

	String remedy = "";

	String causeAnalysis = "";

	String causeType;

	String correctiveAction = "";

	String handlingOpinion = "";

	String leaderInstruction = "";

	Long leaderId;

	Instant instructedAt;

	String replyContent = "";

	String replyWay;

	@Enumerated(EnumType.STRING)
	ComplaintState state = ComplaintState.RECEIVED;

	Instant appointmentAt;

	String appointmentNote;

	Instant appointmentRemindedAt;

	Instant waitingSince;

	/** Every work order raised from it is done, and its analysis is not complete yet (cleared on submit or a new one). */
	Instant repairsDoneAt;

	Instant ackDue;

	Instant replyDue;

	Instant closeDue;

	Instant acknowledgedAt;

	Instant repliedAt;

	Instant closedAt;

	Instant ackWarnedAt;

	Instant replyWarnedAt;

	Instant closeWarnedAt;

	Instant ackEscalatedAt;

	Instant replyEscalatedAt;

	Instant closeEscalatedAt;

	Boolean returnSatisfied;

	String returnResult = "";

	String lesson = "";

	int reopenCount;

	Instant createdAt = BusinessClock.now();

	Instant updatedAt = BusinessClock.now();

	@Version
	long version;

	/** The steps taken since it was loaded, written to its history by {@link ComplaintCases#save} after the save. */
	@jakarta.persistence.Transient
	final HistorySteps steps = new HistorySteps();

	/** Refuses, with the action's message, an action the transition table does not allow in the current state. */
	void check(ComplaintAction action) {
		ComplaintTransitions.require(state, action);
	}

	/**
	 * Takes the action's transition from the table (refused as by {@link #check}); a change of state is a step of its
	 * history, with the note (may be null). Returns the state it left.
	 */
	ComplaintState perform(ComplaintAction action, String note) {
		ComplaintState from = state;
		state = steps.move(from, ComplaintTransitions.require(state, action), note);
		return from;
	}

	/** {@link #perform(ComplaintAction, String)} for an action that acknowledges the complaint (受理 → 处理中). */
	void acknowledge(ComplaintAction action) {
		perform(action, null);
		if (acknowledgedAt == null) {
			acknowledgedAt = BusinessClock.now();
		}
	}

	/** A step of its history other than a change of state or field. */
	void step(HistoryKind kind, String field, String oldValue, String newValue, String note) {
		steps.add(new HistoryStep(kind, field, oldValue, newValue, note));
	}

	/** 原因类别, 原因分析, 整改措施, 处理意见 as the form gives them. */
	void analyse(AnalysisForm form) {
		ComplaintCause cause = ComplaintCause.parse(form.causeType());
		causeType = cause == null ? null : cause.name();
		causeAnalysis = Strings.orEmpty(Strings.stripped(form.causeAnalysis()));
		correctiveAction = Strings.orEmpty(Strings.stripped(form.correctiveAction()));
		handlingOpinion = Strings.orEmpty(Strings.stripped(form.handlingOpinion()));
	}

	/**
	 * The 投诉处理单's fields as stored, by name, to record in the history each one a change touched (references by
	 * ID; {@link ComplaintCases#changes} shows them by name).
	 */
	java.util.Map<String, String> sheetValues() {
		java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
		m.put("projectId", String.valueOf(projectId));
		m.put("complaintDate", String.valueOf(complaintDate));
		m.put("complainant", complainant);
		m.put("complainedAt", complainedAt == null ? null : Strings.minute(complainedAt));
		m.put("unitId", unitId == null ? null : String.valueOf(unitId));
		m.put("ownerId", ownerId == null ? null : String.valueOf(ownerId));
		m.put("contactPhone", contactPhone);
		m.put("receiverId", String.valueOf(receiverId));
		m.put("channel", channel == null ? null : channel.name());
		m.put("categoryId", String.valueOf(categoryId));
		m.put("severity", severity == null ? null : severity.name());
		m.put("groupCase", String.valueOf(groupCase));
		m.put("content", content);
		m.put("remedy", remedy);
		m.put("causeType", causeType);
		m.put("causeAnalysis", causeAnalysis);
		m.put("correctiveAction", correctiveAction);
		m.put("handlingOpinion", handlingOpinion);
		return m;
	}

	/** The actions the table allows in the current state, whoever asks. */
	java.util.Set<ComplaintAction> allowedActions() {
		return ComplaintTransitions.allowed(state);
	}

}
