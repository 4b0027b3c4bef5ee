package io.estatedesk.repair;

/**
 * How far a work order has come, as the dashboards count it: accepted (验收通过, finished) or rated by the owner. The
 * work-order list narrows to one of them.
 */
public enum WorkOrderProgress {

	/** 已验收: accepted, the work finished (the base of the on-time rate). */
	ACCEPTED("w.accepted_at is not null"),
	/** 已评价: the owner gave a rating. */
	RATED("w.owner_rating is not null");

	final String condition;

	WorkOrderProgress(String condition) {
		this.condition = condition;
	}

}
