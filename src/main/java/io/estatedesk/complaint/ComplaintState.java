package io.estatedesk.complaint;

/** Where a complaint stands (投诉处理流程); what each state allows is in {@link ComplaintTransitions}. */
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

}
