package io.estatedesk.complaint;

import java.util.Objects;

import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.staff.Permissions;
import io.estatedesk.staff.StaffManagement;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** Who is acting on complaints, and whether they may: the permissions and 谁受理，谁跟进，谁回复. */
@Component
class ComplaintAccess {

	private final Permissions permissions;

	private final StaffManagement staff;

	ComplaintAccess(Permissions permissions, StaffManagement staff) {
		this.permissions = permissions;
		this.staff = staff;
	}

	boolean has(String permission) {
		return permissions.has(permission);
	}

	void require(String permission) {
		if (!permissions.has(permission)) {
			throw new AccessDeniedException(permission);
		}
	}

	/** 谁受理，谁跟进，谁回复: the owner of the case acts on it; a manager may step in. */
	void requireHandlerOrManager(Complaint c) {
		require(ComplaintManagement.HANDLE);
		if (permissions.has(ComplaintManagement.MANAGE)) {
			return;
		}
		if (!Objects.equals(c.handlerId, staffId())) {
			throw new BusinessRuleException(null, "complaint.notYours", staff.displayNames().get(c.handlerId));
		}
	}

	/** Whether the current user may act on a complaint owned by this staff member (谁受理，谁跟进). */
	boolean mayAct(long handlerId) {
		return permissions.has(ComplaintManagement.HANDLE)
				&& (permissions.has(ComplaintManagement.MANAGE) || Objects.equals(handlerId, permissions.currentStaffId().orElse(null)));
	}

	/** Whether the current user may take the action, as far as who takes it goes (the state is the table's). */
	boolean mayTake(ComplaintAction action, Complaint c) {
		return switch (action.who()) {
			case CASE_OWNER -> mayAct(c.handlerId);
			case HANDLER -> permissions.has(ComplaintManagement.HANDLE);
			case LEADER -> permissions.has(ComplaintManagement.INSTRUCT);
			case MANAGER -> permissions.has(ComplaintManagement.TRANSFER);
			case OTHER_MODULE -> false;
		};
	}

	long staffId() {
		return permissions.currentStaffId().orElseThrow(() -> new BusinessRuleException("complaint.noStaff"));
	}

	/** The signed-in user's name for the history ("system" for the scheduler). */
	String actor() {
		return permissions.currentUsername();
	}

}
