package io.estatedesk.complaint;

/** Where a complaint stands (投诉处理流程). */
public enum ComplaintState {

	/** 受理 */
	RECEIVED,
	/** 处理中 */
	IN_PROGRESS,
	/** 待领导批示 */
	PENDING_INSTRUCTION,
	/** 待回复 */
	PENDING_REPLY,
	/** 已回复 */
	REPLIED,
	/** 回访 (return call made, owner satisfied; awaiting the lesson learned) */
	RETURN_VISITED,
	/** 已关闭 */
	CLOSED;

	boolean open() {
		return this != CLOSED;
	}

	/** States in which the complaint's intake fields may still be corrected. */
	boolean intakeEditable() {
		return this == RECEIVED || this == IN_PROGRESS;
	}

	/** States in which 原因分析, 整改措施 and 处理意见 may be written. */
	boolean analysisEditable() {
		return this == RECEIVED || this == IN_PROGRESS || this == PENDING_REPLY;
	}

}
