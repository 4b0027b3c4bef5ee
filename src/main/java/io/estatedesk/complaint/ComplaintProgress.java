package io.estatedesk.complaint;

/**
 * How far a complaint has come, as the dashboards count it: replied to the owner, closed, or asked about at the return
 * call (satisfied or not). The complaint list narrows to one of them.
 */
public enum ComplaintProgress {

	/** 已回复: a reply was given (the base of the on-time reply rate). */
	REPLIED("c.replied_at is not null"),
	/** 已办结: closed. */
	CLOSED("c.closed_at is not null"),
	/** 已回访评价: the owner was asked at the return call whether satisfied. */
	RATED("c.return_satisfied is not null");

	final String condition;

	ComplaintProgress(String condition) {
		this.condition = condition;
	}

}
