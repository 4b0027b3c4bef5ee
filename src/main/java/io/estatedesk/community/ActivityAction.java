package io.estatedesk.community;

/**
 * Everything staff can do to an activity. Which actions a state allows, and where each one leads, is decided in
 * {@link ActivityTransitions} only; the page, the API and the facade ask it.
 */
enum ActivityAction {

	/** 修改活动计划 */
	EDIT("state", "community.activity.closed"),
	/** 开始报名 */
	OPEN_SIGNUP("state", "community.activity.transition.OPEN"),
	/** 退回计划中 (only while nobody has signed up, checked besides the table) */
	BACK_TO_PLANNED("state", "community.activity.transition.PLANNED"),
	/** 活动结束 */
	FINISH("state", "community.activity.transition.FINISHED"),
	/** 取消活动 */
	CANCEL("state", "community.activity.transition.CANCELLED"),
	/** 为业主报名 */
	SIGN_UP("state", "community.signup.notOpen"),
	/** 取消报名 */
	CANCEL_SIGNUP("state", "community.signup.cancel.closed"),
	/** 登记到场、评分 */
	MARK_ATTENDANCE("state", "community.attendance.notOpen"),
	/** 登记实际费用 */
	RECORD_COST("actualCost", "community.activity.cost.notFinished"),
	/** 上传活动照片 */
	ADD_PHOTO("file", "community.photo.cancelled");

	private final String field;

	private final String refusal;

	ActivityAction(String field, String refusal) {
		this.field = field;
		this.refusal = refusal;
	}

	/** The field a refusal is shown next to. */
	String field() {
		return field;
	}

	/** The message key of the refusal when the state does not allow the action. */
	String refusal() {
		return refusal;
	}

	/** The action that moves an activity to {@code to}; null for a state no action leads to. */
	static ActivityAction leadingTo(Activities.State to) {
		return switch (to) {
			case OPEN -> OPEN_SIGNUP;
			case PLANNED -> BACK_TO_PLANNED;
			case FINISHED -> FINISH;
			case CANCELLED -> CANCEL;
		};
	}

}
