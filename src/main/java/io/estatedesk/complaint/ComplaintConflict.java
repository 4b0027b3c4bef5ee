package io.estatedesk.complaint;

import java.util.List;

/** Someone else saved the complaint since the user loaded it; carries what they changed. */
class ComplaintConflict extends RuntimeException {

	private final transient List<ComplaintHistory.Entry> changes;

	ComplaintConflict(List<ComplaintHistory.Entry> changes) {
		super("complaint changed meanwhile");
		this.changes = changes;
	}

	List<ComplaintHistory.Entry> changes() {
		return changes;
	}

}
