package io.estatedesk.staff;

import java.util.List;

import io.estatedesk.shared.Masking;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Phone and ID numbers of owners, callers and visitors (工作制度 4–5) leave every module masked. A role holding
 * {@value #REVEAL} sees the full numbers only when it asks for them (显示完整号码, {@code ?reveal=true}); asking without
 * that permission is refused, and every reveal is recorded in the audit trail like the archive's.
 */
@Component
public class ConfidentialNumbers {

	/** The permission “查看完整电话和证件号码”. */
	public static final String REVEAL = "OWNER_REVEAL";

	private final Permissions permissions;

	private final AuditTrail audit;

	ConfidentialNumbers(Permissions permissions, AuditTrail audit) {
		this.permissions = permissions;
		this.audit = audit;
	}

	/** Whether the current user's roles may see full numbers (they still have to ask). */
	public boolean mayReveal() {
		return permissions.has(REVEAL);
	}

	/**
	 * Whether to show full numbers: only when asked for. A request by someone who may not is refused; a granted one is
	 * recorded with what was shown (e.g. "投诉 TS-2026-000012") and where (e.g. "页面；联系电话").
	 */
	public boolean reveal(boolean asked, String target, String detail) {
		if (!asked) {
			return false;
		}
		if (!mayReveal()) {
			throw new AccessDeniedException(REVEAL);
		}
		audit.record(AuditTrail.REVEAL, target, detail);
		return true;
	}

	/** {@link #reveal} for a list: records how many records and which IDs were shown in full. */
	public boolean revealList(boolean asked, String what, List<Long> ids, String detail) {
		return reveal(asked, what + "（" + ids.size() + "条）", detail + "；ID：" + ids);
	}

	/** The number as it may be shown: in full once revealed, otherwise masked (138****5678). */
	public static String phone(String number, boolean revealed) {
		return revealed ? number : Masking.phone(number);
	}

	/** Whether a value sent back by a form or the API is the masked form of the stored number, i.e. left unchanged. */
	public static boolean unchangedMasked(String sent, String stored) {
		if (sent == null || stored == null || stored.isBlank()) {
			return false;
		}
		String s = sent.strip();
		return s.contains("*") && s.equals(Masking.phone(stored));
	}

}
