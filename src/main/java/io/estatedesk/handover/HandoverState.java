package io.estatedesk.handover;

/**
 * Where a unit stands in its handover. Which actions each state allows, and where they lead, is decided in
 * {@link HandoverTransitions} only.
 */
public enum HandoverState {

	/** 待预约 */
	ADDED,
	/** 已预约 */
	BOOKED,
	/** 已验房 */
	INSPECTED,
	/** 已收房 */
	ACCEPTED,
	/** 拒收 */
	REFUSED;

	/** The home and its keys are with the owner: the confirmation can be printed. */
	public boolean handedOver() {
		return this == ACCEPTED;
	}

	/** The owner refused the home; its reasons are shown until it is booked again. */
	public boolean refused() {
		return this == REFUSED;
	}

	/** The colour of the state's badge on the pages. */
	public String badge() {
		return switch (this) {
			case ACCEPTED -> "text-bg-success";
			case REFUSED -> "text-bg-danger";
			default -> "text-bg-primary";
		};
	}

}
