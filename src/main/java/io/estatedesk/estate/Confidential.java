package io.estatedesk.estate;

import java.util.List;

import io.estatedesk.estate.Views.HouseholdView;
import io.estatedesk.estate.Views.OwnerRow;
import io.estatedesk.estate.Views.OwnerView;
import io.estatedesk.shared.Masking;
import io.estatedesk.staff.AuditTrail;
import io.estatedesk.staff.Permissions;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Phone and ID numbers leave the archive masked (工作制度 4–5); only a role with OWNER_REVEAL may reveal them,
 * and every reveal is recorded.
 */
@Component
class Confidential {

	static final String REVEAL = "OWNER_REVEAL";

	private final Permissions permissions;

	private final AuditTrail audit;

	Confidential(Permissions permissions, AuditTrail audit) {
		this.permissions = permissions;
		this.audit = audit;
	}

	boolean mayReveal() {
		return permissions.has(REVEAL);
	}

	OwnerRow mask(OwnerRow r) {
		return new OwnerRow(r.id(), r.name(), r.gender(), Masking.phone(r.mobile()), r.tags(), r.units());
	}

	OwnerView mask(OwnerView v) {
		return new OwnerView(v.id(), v.name(), v.gender(), Masking.phone(v.mobile()), Masking.phone(v.otherPhone()),
				v.idType(), Masking.idNumber(v.idNumber()), v.tags(), v.notes(), v.createdAt(), v.updatedAt(), v.version(),
				false);
	}

	HouseholdView mask(HouseholdView h) {
		return new HouseholdView(h.id(), h.name(), h.relation(), h.gender(), Masking.phone(h.phone()), h.notes());
	}

	/** The full numbers of one owner, recorded; refused without the permission. */
	OwnerView reveal(OwnerView v, String channel) {
		requireReveal();
		audit.record(AuditTrail.REVEAL, "业主#" + v.id() + " " + v.name(), channel);
		return v;
	}

	/** Full numbers for a page of owners through the API, recorded with the IDs shown. */
	void recordListReveal(List<Long> ownerIds, String filter) {
		requireReveal();
		audit.record(AuditTrail.REVEAL, "业主列表（" + ownerIds.size() + "人）", "API；筛选：" + filter + "；ID：" + ownerIds);
	}

	void requireReveal() {
		if (!mayReveal()) {
			throw new AccessDeniedException("reveal");
		}
	}

	void recordExport(String what, String filter, boolean full) {
		audit.record(AuditTrail.EXPORT, what, "筛选：" + filter + (full ? "；含完整电话和证件号码" : "；号码已遮蔽"));
	}

}
