package io.estatedesk.shared;

/**
 * What kind of step a case's history row records. Stored by name in the {@code kind} column of every module's
 * history table; shown as {@code history.<NAME>} from the messages. One list for every case kind (complaints, work
 * orders, handover units, activities, duty items, notices, return calls), so that one step means one thing everywhere.
 */
public enum HistoryKind {

	/** The case was registered. */
	CREATED,
	/** The state changed: field {@code state}, old and new value the states' names. */
	STATE,
	/** A field changed: its name, old and new value as shown. */
	FIELD,
	FOLLOWUP, TRANSFERRED, APPOINTMENT, PAUSED, RESUMED, ATTACHMENT, PARTY, REOPENED, WARNED, ESCALATED, REPAIR,
	REPAIRS_DONE, GROUPED, DISPATCHED, PROGRESS, PHOTO, RETURN_CALL,
	/** An activity was planned, signed up for, a sign-up cancelled, a waiting sign-up promoted, attendance taken. */
	PLANNED, SIGNED_UP, SIGNUP_CANCELLED, PROMOTED, ATTENDANCE,
	/** A duty item's record, a rectification notice, a re-inspection. */
	RECORD, NOTICE, REINSPECTED,
	/** A return call's attempt to reach the owner: new value {@code true} when reached, the note what was said. */
	CALL_ATTEMPT;

	/** The message key of its label. */
	public String messageKey() {
		return "history." + name();
	}

}
