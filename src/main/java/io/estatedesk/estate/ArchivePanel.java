package io.estatedesk.estate;

import java.util.List;

/**
 * A section other modules add to the owner and unit pages (e.g. the owner's complaints): implement it as a bean and
 * the archive shows it, so the archive never depends on the modules that extend it.
 */
public interface ArchivePanel {

	/** Message key of the section's title. */
	String titleKey();

	/** The permission a user needs to see the section. */
	String permission();

	List<Item> forOwner(long ownerId);

	List<Item> forUnit(long unitId);

	/** A button above the section, e.g. 受理投诉 for this owner; none by default. */
	default java.util.Optional<Action> ownerAction(long ownerId) {
		return java.util.Optional.empty();
	}

	default java.util.Optional<Action> unitAction(long unitId) {
		return java.util.Optional.empty();
	}

	/** A button: message key of its label, the link, and the permission needed to see it. */
	record Action(String labelKey, String href, String permission) {
	}

	/** One line of the section: a linked label, a status text, a date and an optional warning flag. */
	record Item(String label, String href, String status, String date, boolean warning) {
	}

	/** A section as rendered: its title key, its lines and the button the user may use, if any. */
	record Shown(String titleKey, List<Item> items, Action action) {
	}

}
