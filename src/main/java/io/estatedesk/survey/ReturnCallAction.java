package io.estatedesk.survey;

/** What can be done to a return call; each refused with its own message key when its state does not allow it. */
enum ReturnCallAction {

	/** An attempt that did not reach the owner, with attempts left: tried again the next day. */
	NOT_REACHED("returnCall.notOpen"),
	/** The last attempt that did not reach the owner: the task ends as not reached. */
	LAST_NOT_REACHED("returnCall.notOpen"),
	/** The owner was reached and answered: the answer goes to the case. */
	REACHED("returnCall.notOpen"),
	/** The return call was made on the case's own page. */
	CLOSE_ON_CASE("returnCall.notOpen");

	private final String refusal;

	ReturnCallAction(String refusal) {
		this.refusal = refusal;
	}

	String refusal() {
		return refusal;
	}

}
