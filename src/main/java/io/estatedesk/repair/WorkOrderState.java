package io.estatedesk.repair;

/** Where a repair work order stands. */
public enum WorkOrderState {

	/** 待派工 */
	PENDING_DISPATCH,
	/** 已派工 */
	DISPATCHED,
	/** 维修中 */
	IN_PROGRESS,
	/** 返工: the owner did not accept the repair; the contractor works on it again */
	REWORK,
	/** 待验收 */
	PENDING_ACCEPTANCE,
	/** 已完成 (accepted) */
	COMPLETED,
	/** 暂停, with a reason and the day work resumes; the clock stands still */
	PAUSED,
	/** 已取消 */
	CANCELLED;

	boolean open() {
		return this != COMPLETED && this != CANCELLED;
	}

	/** The contractor is (or may start) working on it. */
	boolean workable() {
		return this == DISPATCHED || this == IN_PROGRESS || this == REWORK;
	}

}
