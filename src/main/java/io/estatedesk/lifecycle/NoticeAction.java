package io.estatedesk.lifecycle;

/** What a re-inspection does to a rectification notice; decided by {@link NoticeTransitions} only. */
enum NoticeAction {

	/** 复查合格: the notice is closed */
	PASS("supervision.notice.closed"),
	/** 复查不合格: the notice stays open with a new deadline */
	FAIL("supervision.notice.closed");

	private final String refusal;

	NoticeAction(String refusal) {
		this.refusal = refusal;
	}

	String refusal() {
		return refusal;
	}

}
