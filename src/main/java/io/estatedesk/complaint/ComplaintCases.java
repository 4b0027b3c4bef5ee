package io.estatedesk.complaint;

import java.util.Map;

import io.estatedesk.estate.ArchiveLookup;
import io.estatedesk.shared.BusinessClock;
import io.estatedesk.shared.Masking;
import io.estatedesk.shared.NotFoundException;
import io.estatedesk.shared.Strings;
import io.estatedesk.staff.StaffManagement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads and saves complaints: a stale version is refused with what changed meanwhile, and one save writes the steps
 * the complaint took to its history with the version the save produced — no caller needs to know when a flush
 * happens.
 */
@Component
class ComplaintCases {

	private final ComplaintRepository complaints;

	private final ComplaintHistory history;

	private final ComplaintSearch search;

	private final ArchiveLookup archive;

	private final StaffManagement staff;

	private final JdbcTemplate jdbc;

	ComplaintCases(ComplaintRepository complaints, ComplaintHistory history, ComplaintSearch search, ArchiveLookup archive,
			StaffManagement staff, JdbcTemplate jdbc) {
		this.complaints = complaints;
		this.history = history;
		this.search = search;
		this.archive = archive;
		this.staff = staff;
		this.jdbc = jdbc;
	}

	Complaint get(long id) {
		return complaints.findById(id).orElseThrow(() -> new NotFoundException("complaint.notFound"));
	}

	/** Loads the complaint for a change based on the given version; refuses with what changed meanwhile. */
	Complaint load(long id, long version) {
		Complaint c = get(id);
		if (c.version != version) {
			throw new ComplaintConflict(history.since(id, version));
		}
		return c;
	}

	/** Saves the complaint (its time of change now) and writes its steps with the new version. */
	void save(Complaint c, String actor) {
		c.updatedAt = BusinessClock.now();
		complaints.saveAndFlush(c);
		history.write(c.id, c.version, actor, c.steps);
	}

	/** Writes the steps at the complaint's current version without changing it (a note on a case left as it is). */
	void note(Complaint c, String actor) {
		history.write(c.id, c.version, actor, c.steps);
	}

	/** {@link #save} and the search index brought up to date. */
	void saveAndIndex(Complaint c, String actor) {
		save(c, actor);
		search.index(c.id);
	}

	/** Adds a field step for every field of {@link Complaint#sheetValues()} that changed since {@code before} (values as staff read them). */
	void changes(Complaint c, Map<String, String> before) {
		c.sheetValues().forEach((field, now) -> {
			String old = before.get(field);
			if (!java.util.Objects.equals(Strings.blankToNull(old), Strings.blankToNull(now))) {
				c.steps.add(io.estatedesk.shared.HistoryStep.field(field, shown(field, old), shown(field, now)));
			}
		});
	}

	/** A stored reference as staff read it in the history: the project's, home's, owner's, person's or category's name. */
	private String shown(String field, String value) {
		if ("contactPhone".equals(field)) {
			// the history is kept for good and read by everyone who may see the complaint: never the full number
			return Masking.phone(value);
		}
		if (value == null || value.isBlank() || !field.endsWith("Id")) {
			return value;
		}
		long id = Long.parseLong(value);
		return switch (field) {
			case "projectId" -> archive.project(id).map(ArchiveLookup.ProjectRef::name).orElse(value);
			case "unitId" -> archive.unit(id).map(ArchiveLookup.UnitRef::label).orElse(value);
			case "ownerId" -> archive.owner(id).map(ArchiveLookup.OwnerRef::name).orElse(value);
			case "receiverId" -> staff.byId(id).map(StaffManagement.StaffSummary::displayName).orElse(value);
			case "categoryId" -> jdbc.query("select name from complaint_category where id = ?", (rs, i) -> rs.getString(1), id)
				.stream().findFirst().orElse(value);
			default -> value;
		};
	}

}
