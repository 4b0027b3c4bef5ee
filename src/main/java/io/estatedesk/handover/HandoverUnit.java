package io.estatedesk.handover;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import io.estatedesk.shared.HistorySteps;

/**
 * One unit in a handover batch, as loaded for a step: it performs the step the transition table allows, changing its
 * own fields, and collects the history the step makes; {@link HandoverUnits#save} writes the fields, and the facade
 * the history, with the version the save produced.
 */
class HandoverUnit {

	final long id;

	final long batchId;

	final long unitId;

	final Long ownerId;

	HandoverState state;

	long version;

	Long slotId;

	String noticeWay;

	Instant notifiedAt;

	Instant inspectedAt;

	String inspectedBy;

	Instant acceptedAt;

	LocalDate handoverDate;

	String refusedReason;

	boolean qualityGuarantee;

	boolean usageManual;

	Integer keysCount;

	BigDecimal waterReading;

	BigDecimal electricityReading;

	BigDecimal gasReading;

	String confirmedBy;

	/** The steps taken since the unit was loaded, written after the save. */
	final HistorySteps steps = new HistorySteps();

	HandoverUnit(long id, long batchId, long unitId, Long ownerId, HandoverState state, long version) {
		this.id = id;
		this.batchId = batchId;
		this.unitId = unitId;
		this.ownerId = ownerId;
		this.state = state;
		this.version = version;
	}

	/** Refuses the action, with its message, when the table does not allow it in the current state. */
	void check(HandoverAction action) {
		HandoverTransitions.require(state, action);
	}

	/** Moves to where the table leads the action; returns the state left. */
	HandoverState perform(HandoverAction action) {
		HandoverState from = state;
		state = HandoverTransitions.require(state, action);
		return from;
	}

	/** The actions the table allows in the current state, whoever asks. */
	Set<HandoverAction> allowedActions() {
		return HandoverTransitions.allowed(state);
	}

	/** 预约: the slot, and how the owner was told (null: not yet). */
	void book(long slot, String way, Instant at, String note) {
		HandoverState from = perform(HandoverAction.BOOK);
		slotId = slot;
		noticeWay = way;
		notifiedAt = way == null ? null : at;
		steps.state(from, state, note);
	}

	/** 验房 recorded by {@code by}. */
	void inspected(String by, Instant at, String note) {
		HandoverState from = perform(HandoverAction.INSPECT);
		inspectedAt = at;
		inspectedBy = by;
		steps.state(from, state, note);
	}

	/** 收房: both documents handed over with the keys, the meter readings and who signed for the owner. */
	void accept(LocalDate day, int keys, BigDecimal water, BigDecimal electricity, BigDecimal gas, String signedBy,
			Instant at, String note) {
		HandoverState from = perform(HandoverAction.ACCEPT);
		acceptedAt = at;
		handoverDate = day;
		qualityGuarantee = true;
		usageManual = true;
		keysCount = keys;
		waterReading = water;
		electricityReading = electricity;
		gasReading = gas;
		confirmedBy = signedBy;
		steps.state(from, state, note);
	}

	/** 拒收: the reasons are kept and the slot is freed. */
	void refuse(String reason) {
		HandoverState from = perform(HandoverAction.REFUSE);
		refusedReason = reason;
		slotId = null;
		steps.state(from, state, reason);
	}

	/** A refused unit added to its batch again: it waits for a new appointment. */
	void readd() {
		HandoverState from = perform(HandoverAction.READD);
		slotId = null;
		steps.state(from, state, null);
	}

}
