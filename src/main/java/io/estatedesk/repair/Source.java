package io.estatedesk.repair;

/** Where a work order came from. */
public enum Source {

	/** 投诉 */
	COMPLAINT,
	/** 来电报修 */
	CALL,
	/** 交房问题 */
	HANDOVER,
	/** 直接录入 (staff inspection, a unit or a public area) */
	DIRECT

}
