package io.estatedesk.repair;

import io.estatedesk.shared.Texts;
import io.estatedesk.staff.AuditTrail;
import io.estatedesk.staff.ConfidentialNumbers;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The work order's contact number, masked on its page and in the API; shown in full only when asked for by a role
 * that may see owners' numbers or by the team the order is dispatched to while it works on it (it must call the
 * owner). Each reveal is recorded.
 */
@Component
class ContactReveal {

	private final WorkOrderManagement management;

	private final ConfidentialNumbers numbers;

	private final AuditTrail audit;

	ContactReveal(WorkOrderManagement management, ConfidentialNumbers numbers, AuditTrail audit) {
		this.management = management;
		this.numbers = numbers;
		this.audit = audit;
	}

	boolean mayReveal(WorkOrderViews.Detail d) {
		if (numbers.mayReveal()) {
			return true;
		}
		return management.restrictedTo().map(c -> c.equals(d.contractorId())).orElse(false)
				&& d.state() != WorkOrderState.COMPLETED && d.state() != WorkOrderState.CANCELLED;
	}

	/** The work order with its contact number in full when asked for (refused to others, recorded), else masked. */
	WorkOrderViews.Detail shown(WorkOrderViews.Detail d, boolean asked, String where) {
		if (!asked) {
			return d.withMaskedPhone();
		}
		if (!mayReveal(d)) {
			throw new AccessDeniedException(ConfidentialNumbers.REVEAL);
		}
		audit.record(AuditTrail.REVEAL, Texts.zh("workorder.audit.subject", d.code()), Texts.zh("workorder.audit.phone", where, d.contactName()));
		return d;
	}

}
