package io.estatedesk.handover;

/**
 * Everything staff can do to a unit in a handover batch. Which actions a state allows, and where each one leads, is
 * decided in {@link HandoverTransitions} only; the unit page, the API and the facade ask it.
 */
public enum HandoverAction {

	/** 预约 (or change the booked slot) */
	BOOK(HandoverManagement.WORK, "handover.book.notAllowed"),
	/** 验房 (again, while the home is not handed over) */
	INSPECT(HandoverManagement.WORK, "handover.inspect.notAllowed"),
	/** 收房: documents, keys, readings and the owner's signature */
	ACCEPT(HandoverManagement.WORK, "handover.accept.notInspected"),
	/** 业主拒收 */
	REFUSE(HandoverManagement.WORK, "handover.refuse.notAllowed"),
	/** 重新加入批次: a refused unit added to its batch again, to be booked from the start */
	READD(HandoverManagement.MANAGE, "handover.readd.notAllowed");

	private final String permission;

	private final String refusal;

	HandoverAction(String permission, String refusal) {
		this.permission = permission;
		this.refusal = refusal;
	}

	/** The permission a caller needs besides the state allowing the action. */
	String permission() {
		return permission;
	}

	/** The message key a refusal shows when the unit's state does not allow the action. */
	String refusal() {
		return refusal;
	}

}
