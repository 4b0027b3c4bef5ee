package io.estatedesk.handover;

import java.util.EnumSet;
import java.util.Set;

import io.estatedesk.staff.Permissions;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** Who is acting on the handover, and what they may do: the permissions behind every step. */
@Component
class HandoverAccess {

	private final Permissions permissions;

	HandoverAccess(Permissions permissions) {
		this.permissions = permissions;
	}

	void require(String permission) {
		if (!permissions.has(permission)) {
			throw new AccessDeniedException(permission);
		}
	}

	String actor() {
		return permissions.currentUsername();
	}

	/** The actions the unit's state allows, narrowed to those the caller holds the permission for. */
	Set<HandoverAction> allowed(HandoverUnit u) {
		Set<HandoverAction> allowed = EnumSet.noneOf(HandoverAction.class);
		for (HandoverAction a : u.allowedActions()) {
			if (permissions.has(a.permission())) {
				allowed.add(a);
			}
		}
		return allowed;
	}

}
