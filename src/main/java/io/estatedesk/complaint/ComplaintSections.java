package io.estatedesk.complaint;

import java.util.List;

import io.estatedesk.estate.ArchivePanel;
import io.estatedesk.staff.Permissions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Collects the sections other modules contribute to a complaint's page, as far as the user may see them. */
@Component
class ComplaintSections {

	private final ObjectProvider<ComplaintSection> sections;

	private final Permissions permissions;

	ComplaintSections(ObjectProvider<ComplaintSection> sections, Permissions permissions) {
		this.sections = sections;
		this.permissions = permissions;
	}

	List<ArchivePanel.Shown> shown(long complaintId, ComplaintState state) {
		return sections.orderedStream().filter(s -> permissions.has(s.permission()))
			.map(s -> new ArchivePanel.Shown(s.titleKey(), s.items(complaintId),
					s.action(complaintId, state).filter(a -> permissions.has(a.permission())).orElse(null)))
			.toList();
	}

}
