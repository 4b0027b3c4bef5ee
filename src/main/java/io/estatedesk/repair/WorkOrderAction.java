package io.estatedesk.repair;

/**
 * Everything a user (or another module) can do to a work order. Which actions a state allows, and where each one
 * leads, is decided in {@link WorkOrderTransitions} only; the page and the facade ask it.
 */
public enum WorkOrderAction {

	/** 派工 (again to another unit while not started) */
	DISPATCH("workorder.dispatch.notAllowed"),
	/** 开始维修 */
	START("workorder.start.notAllowed"),
	/** 进度说明 */
	PROGRESS("workorder.closed"),
	/** 完工，提请验收 */
	FINISH("workorder.finish.notAllowed"),
	/** 验收通过 */
	ACCEPT("workorder.accept.notPending"),
	/** 验收不通过，返工 */
	REJECT("workorder.accept.notPending"),
	/** 暂停（停止计时） */
	PAUSE("workorder.pause.notAllowed"),
	/** 恢复: back to the state it was paused from */
	RESUME("workorder.resume.notPaused"),
	/** 取消工单 */
	CANCEL("workorder.closed"),
	/** 回访：业主满意 */
	RETURN_CALL("workorder.returnCall.notDue"),
	/** 回访：业主不满意，重新打开返工 (the same unit works on it again) */
	REOPEN("workorder.returnCall.notDue"),
	/** 回访：业主不满意, and no unit was ever dispatched: back to 待派工 */
	REOPEN_UNDISPATCHED("workorder.returnCall.notDue"),
	/** 预约上门 */
	APPOINT("workorder.closed"),
	/** 维修前后照片 */
	ATTACH_PHOTO("workorder.closed");

	private final String refusal;

	WorkOrderAction(String refusal) {
		this.refusal = refusal;
	}

	/** The message key a refusal shows when the work order's state does not allow the action. */
	String refusal() {
		return refusal;
	}

}
