package io.estatedesk.complaint;

import java.util.List;

import io.estatedesk.shared.CaseHistory;
import io.estatedesk.shared.ChangedMeanwhile;

/** Someone else saved the complaint since the user loaded it; carries what they changed. */
class ComplaintConflict extends ChangedMeanwhile {

	private final transient List<CaseHistory.Entry> entries;

	ComplaintConflict(List<CaseHistory.Entry> changes) {
		super(changes);
		this.entries = changes;
	}

	@Override
	public List<CaseHistory.Entry> changes() {
		return entries;
	}

}
