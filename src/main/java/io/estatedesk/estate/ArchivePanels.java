package io.estatedesk.estate;

import java.util.List;

import io.estatedesk.staff.Permissions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Collects the sections other modules contribute to the owner and unit pages, as far as the user may see them. */
@Component
class ArchivePanels {

	private final ObjectProvider<ArchivePanel> panels;

	private final Permissions permissions;

	ArchivePanels(ObjectProvider<ArchivePanel> panels, Permissions permissions) {
		this.panels = panels;
		this.permissions = permissions;
	}

	List<ArchivePanel.Shown> forOwner(long ownerId) {
		return panels.orderedStream().filter(p -> permissions.has(p.permission()))
			.map(p -> new ArchivePanel.Shown(p.titleKey(), p.forOwner(ownerId), allowed(p.ownerAction(ownerId))))
			.filter(ArchivePanels::worthShowing)
			.toList();
	}

	/** A section with nothing to list and no button is left out. */
	private static boolean worthShowing(ArchivePanel.Shown shown) {
		return !shown.items().isEmpty() || shown.action() != null;
	}

	private ArchivePanel.Action allowed(java.util.Optional<ArchivePanel.Action> action) {
		return action.filter(a -> permissions.has(a.permission())).orElse(null);
	}

	List<ArchivePanel.Shown> forUnit(long unitId) {
		return panels.orderedStream().filter(p -> permissions.has(p.permission()))
			.map(p -> new ArchivePanel.Shown(p.titleKey(), p.forUnit(unitId), allowed(p.unitAction(unitId))))
			.filter(ArchivePanels::worthShowing)
			.toList();
	}

}
