package io.estatedesk.repair;

import io.estatedesk.shared.BusinessClock;
import io.estatedesk.shared.HistorySteps;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

/** A repair work order (维修工单): one item, one trade, one contractor. Other modules' records are held by ID. */
@Entity
@Table(name = "work_order")
// only changed columns are written, so a user's save never undoes what the deadline job recorded meanwhile
@org.hibernate.annotations.DynamicUpdate
class WorkOrder {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	Long id;

	String code;

	Long projectId;

	Long unitId;

	Long ownerId;

	String publicArea;

	Long complaintId;

	@Enumerated(EnumType.STRING)
	Source source;

	Long tradeId;

	String component;

	String location = "";

	String description;

	@Enumerated(EnumType.STRING)
	Urgency urgency;

	@Enumerated(EnumType.STRING)
	WorkOrderState state;

	Long contractorId;

	String contactName = "";

	String contactPhone = "";

	Instant appointmentFrom;

	Instant appointmentTo;

	Instant reportedAt;

	Instant dueAt;

	Instant dispatchedAt;

	Instant startedAt;

	Instant finishedAt;

	Instant acceptedAt;

	Instant cancelledAt;

	Instant pausedAt;

	@Enumerated(EnumType.STRING)
	WorkOrderState pausedFrom;

	String pauseReason;

	LocalDate resumeOn;

	Instant warnedAt;

	Instant escalatedAt;

	@Enumerated(EnumType.STRING)
	Warranty.Status warrantyStatus;

	LocalDate warrantyUntil;

	Integer warrantyVersion;

	@Enumerated(EnumType.STRING)
	Charge charge;

	String materials = "";

	BigDecimal cost;

	int reworkCount;

	Integer ownerRating;

	String acceptanceNote;

	Instant returnCallDue;

	Instant returnCallAt;

	Boolean returnSatisfied;

	String returnResult;

	Long createdBy;

	@Version
	long version;

	Instant updatedAt = BusinessClock.now();

	/** The history steps taken since the work order was loaded; {@link WorkOrderStore#save} writes them. */
	@Transient
	final HistorySteps steps = new HistorySteps();

	/** Refuses, with the action's message, an action the transition table does not allow in the current state. */
	void check(WorkOrderAction action) {
		WorkOrderTransitions.require(state, action);
		if ((action == WorkOrderAction.RETURN_CALL || action == WorkOrderAction.REOPEN
				|| action == WorkOrderAction.REOPEN_UNDISPATCHED) && returnCallAt != null) {
			// one return call per acceptance
			throw new io.estatedesk.shared.BusinessRuleException(action.refusal());
		}
	}

	/**
	 * Takes the action's transition from the table (refused as by {@link #check}); returns the state it left.
	 * {@link WorkOrderAction#RESUME} goes back to the state the work order was paused from.
	 */
	WorkOrderState perform(WorkOrderAction action) {
		check(action);
		WorkOrderState from = state;
		WorkOrderState to = WorkOrderTransitions.require(state, action);
		if (action == WorkOrderAction.RESUME) {
			to = pausedFrom == null ? WorkOrderState.PENDING_DISPATCH : pausedFrom;
		}
		else if (action == WorkOrderAction.PAUSE) {
			pausedFrom = from;
		}
		state = to;
		return from;
	}

	/**
	 * Takes the action as {@link #perform(WorkOrderAction)} and records the change of state, with the note, among the
	 * steps; an action that stays (a note, a photo, a return call the owner was satisfied with) records none, a
	 * dispatch to another unit does.
	 */
	WorkOrderState perform(WorkOrderAction action, String note) {
		WorkOrderState from = perform(action);
		if (from != state || action == WorkOrderAction.DISPATCH) {
			steps.state(from, state, note);
		}
		updatedAt = BusinessClock.now();
		return from;
	}

	/** Out-of-warranty work is never booked as warranty. */
	void checkCharge() {
		if (warrantyStatus == Warranty.Status.EXPIRED && charge == Charge.WARRANTY) {
			throw new io.estatedesk.shared.InvalidInputException(java.util.Map.of("charge", "workorder.charge.expired"));
		}
	}

	/** Sets the window agreed with the owner, or puts the error next to its end when it ends before it starts. */
	void appointment(java.time.LocalDateTime from, java.time.LocalDateTime to, java.util.Map<String, String> errors) {
		if (from != null && to != null && !to.isAfter(from)) {
			errors.put("appointmentTo", "workorder.appointment.order");
			return;
		}
		appointmentFrom = from == null ? null : from.atZone(BusinessClock.ZONE).toInstant();
		appointmentTo = to == null ? null : to.atZone(BusinessClock.ZONE).toInstant();
	}

	/** The actions the table allows in the current state, whoever asks. */
	java.util.Set<WorkOrderAction> allowedActions() {
		return WorkOrderTransitions.allowed(state);
	}

}
