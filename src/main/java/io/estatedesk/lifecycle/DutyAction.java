package io.estatedesk.lifecycle;

/**
 * Everything staff can do to a duty item of a project's board. Which actions a status allows, and where each one
 * leads, is decided in {@link DutyTransitions} only; the page, the API and the board ask it.
 */
enum DutyAction {

	/** 修改责任人、完成日期、备注 */
	EDIT("duty.transition.EDIT"),
	/** 开始办理 (未开始 → 进行中) */
	START("duty.transition.START"),
	/** 办结 */
	COMPLETE("duty.transition.COMPLETE"),
	/** 不适用于本项目 */
	WAIVE("duty.transition.WAIVE"),
	/** 重新办理 (已完成或不适用 → 进行中) */
	REOPEN("duty.transition.REOPEN"),
	/** 退回未开始 (进行中 → 未开始, e.g. started by mistake) */
	RESET("duty.transition.RESET"),
	/** 添加记录 (the first record starts an item that had not started) */
	RECORD("duty.transition.RECORD");

	private final String refusal;

	DutyAction(String refusal) {
		this.refusal = refusal;
	}

	/** The message key of the refusal when the status does not allow the action. */
	String refusal() {
		return refusal;
	}

}
