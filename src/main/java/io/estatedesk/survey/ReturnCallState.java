package io.estatedesk.survey;

/** Where a return call (回访) stands; the label is {@code returnCall.state.<NAME>}. */
enum ReturnCallState {

	/** Due: the owner is still to be called. */
	OPEN,
	/** The owner was reached and answered. */
	DONE,
	/** Not reached after the last attempt. */
	UNREACHABLE,
	/** The return call was recorded on the case's own page. */
	CLOSED

}
