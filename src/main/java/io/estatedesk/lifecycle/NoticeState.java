package io.estatedesk.lifecycle;

/** The states of a rectification notice (整改通知), stored by name. */
enum NoticeState {

	/** 待整改 */
	OPEN,
	/** 复查不合格 (still open, with a new deadline) */
	FAILED,
	/** 复查合格 (closed) */
	PASSED

}
