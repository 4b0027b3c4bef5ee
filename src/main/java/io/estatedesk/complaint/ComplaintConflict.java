package io.estatedesk.complaint;

import java.util.List;

import io.estatedesk.shared.ChangedMeanwhile;

/** Someone else saved the complaint since the user loaded it; carries what they changed. */
class ComplaintConflict extends ChangedMeanwhile {

	ComplaintConflict(List<io.estatedesk.shared.CaseHistory.Entry> changes) {
		super(changes);
	}

}
