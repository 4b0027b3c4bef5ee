package io.estatedesk.complaint;

import java.util.List;
import java.util.Optional;

import io.estatedesk.estate.ArchivePanel;

/**
 * A section other modules add to a complaint's page (e.g. the repair work orders raised from it): implement it as a
 * bean and the page shows it, so the complaint module never depends on the modules that extend it.
 */
public interface ComplaintSection {

	/** Message key of the section's title. */
	String titleKey();

	/** The permission a user needs to see the section. */
	String permission();

	List<ArchivePanel.Item> items(long complaintId);

	/** A button above the section while the complaint is in the given state; none by default. */
	default Optional<ArchivePanel.Action> action(long complaintId, ComplaintState state) {
		return Optional.empty();
	}

}
