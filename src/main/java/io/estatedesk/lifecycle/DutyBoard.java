package io.estatedesk.lifecycle;

import io.estatedesk.shared.BusinessClock;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.estatedesk.estate.ArchiveLookup;
import io.estatedesk.estate.ProjectCreated;
import io.estatedesk.shared.CaseHistory;
import io.estatedesk.shared.ChangedMeanwhile;
import io.estatedesk.shared.FieldErrors;
import io.estatedesk.shared.HistoryKind;
import io.estatedesk.shared.HistoryStep;
import io.estatedesk.shared.Strings;
import io.estatedesk.staff.StaffManagement;
import org.springframework.modulith.events.ApplicationModuleListener;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.NotFoundException;
import io.estatedesk.shared.Uploads;
import io.estatedesk.staff.Permissions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Each project's duty board: the charter's duties (§二.1) as items per phase, created with the project, with an owner,
 * a due date, a status, notes and the records of what was done.
 */
@Component
class DutyBoard {

	static final String VIEW = "LIFECYCLE_VIEW";

	static final String EDIT = "LIFECYCLE_EDIT";

	static final int NOTES_MAX = 5000;

	static final int TITLE_MAX = 300;

	static final int NAME_MAX = 200;

	static final int CONTENT_MAX = 10000;

	enum Phase {

		/** 项目前期 */
		EARLY,
		/** 交房前 */
		BEFORE_HANDOVER,
		/** 交房后 */
		AFTER_HANDOVER

	}

	enum Status {

		TODO, IN_PROGRESS, DONE, NOT_APPLICABLE

	}

	record Item(long id, long projectId, String code, Phase phase, String title, String kind, Long ownerId,
			String ownerName, LocalDate dueDate, Status status, String notes, long version, long records, boolean overdue) {
	}

	record Record(long id, Instant recordedAt, String actor, LocalDate recordDate, String title, String content,
			String response, String counterparty, String reference, BigDecimal amount, BigDecimal score, Boolean awarded,
			String attachmentName) {
	}

	/** A record as entered; which of its fields a kind uses is in {@link DutyKinds}. */
	record RecordForm(LocalDate recordDate, String title, String content, String response, String counterparty,
			String reference, BigDecimal amount, BigDecimal score, Boolean awarded) {
	}

	/** What the amount column holds (numeric(14, 2)). */
	private static final BigDecimal AMOUNT_LIMIT = new BigDecimal("1000000000000");

	private final JdbcTemplate jdbc;

	private final Permissions permissions;

	private final ArchiveLookup archive;

	private final Uploads uploads;

	private final DutyHistory history;

	private final StaffManagement staff;

	DutyBoard(JdbcTemplate jdbc, Permissions permissions, ArchiveLookup archive, Uploads uploads, DutyHistory history,
			StaffManagement staff) {
		this.uploads = uploads;
		this.jdbc = jdbc;
		this.permissions = permissions;
		this.archive = archive;
		this.history = history;
		this.staff = staff;
	}

	/**
	 * A new project gets the charter's duties once the project is saved, in a transaction of its own (a failure here
	 * leaves the project and is delivered again from the event registry).
	 */
	@ApplicationModuleListener
	void on(ProjectCreated event) {
		ensure(event.projectId());
	}

	/** Creates the charter's items a project does not have yet (projects from before this board, too). */
	@Transactional
	void ensure(long projectId) {
		jdbc.update("""
				insert into duty_item (project_id, code, phase, title, kind, sort_order)
				select ?, t.code, t.phase, t.title, t.kind, t.sort_order from duty_template t
				on conflict (project_id, code) do nothing""", projectId);
	}

	@Transactional
	List<Item> items(long projectId) {
		if (archive.project(projectId).isEmpty()) {
			throw new NotFoundException("project.notFound");
		}
		ensure(projectId);
		return jdbc.query(ITEM_SELECT.formatted(BusinessClock.sqlToday()) + " where d.project_id = ? order by d.sort_order, d.id", (rs, i) -> item(rs), projectId);
	}

	/** The item, its row locked for the change. */
	private Item lock(long id) {
		jdbc.query("select id from duty_item where id = ? for update", (rs, i) -> rs.getLong(1), id);
		return item(id);
	}

	Item item(long id) {
		return jdbc.query(ITEM_SELECT.formatted(BusinessClock.sqlToday()) + " where d.id = ?", (rs, i) -> item(rs), id).stream().findFirst()
			.orElseThrow(() -> new NotFoundException("duty.notFound"));
	}

	private static final String ITEM_SELECT = """
			select d.*, a.display_name owner_name, (select count(*) from duty_record r where r.duty_item_id = d.id) records,
			       (d.status in ('TODO', 'IN_PROGRESS') and d.due_date < %s) overdue
			from duty_item d left join staff_person a on a.id = d.owner_id""";

	private static Item item(ResultSet rs) throws SQLException {
		return new Item(rs.getLong("id"), rs.getLong("project_id"), rs.getString("code"), Phase.valueOf(rs.getString("phase")),
				rs.getString("title"), rs.getString("kind"), (Long) rs.getObject("owner_id"), rs.getString("owner_name"),
				rs.getObject("due_date", LocalDate.class), Status.valueOf(rs.getString("status")), rs.getString("notes"),
				rs.getLong("version"), rs.getLong("records"), rs.getBoolean("overdue"));
	}

	/**
	 * Saves owner, due date and notes, and moves the status by the move the table allows to the chosen one; refused
	 * when someone else saved the item since {@code version} was read, with what they changed.
	 */
	@Transactional
	void save(long id, Long ownerId, LocalDate dueDate, Status status, String notes, long version) {
		require(EDIT);
		FieldErrors errors = new FieldErrors();
		if (status == null) {
			errors.put("status", "duty.status.required");
		}
		errors.length("notes", notes, NOTES_MAX).throwIfAny();
		Item before = item(id);
		if (before.version() != version) {
			throw new ChangedMeanwhile(history.since(id, version));
		}
		DutyCase c = new DutyCase(id, before.status(), before.version());
		c.check(DutyAction.EDIT);
		c.moveTo(status);
		String newNotes = Strings.orEmpty(Strings.stripped(notes));
		int n = jdbc.update("""
				update duty_item set owner_id = ?, due_date = ?, status = ?, notes = ?, version = version + 1, updated_at = %s
				where id = ? and version = ?""".formatted(BusinessClock.sqlNow()), ownerId, dueDate, c.status().name(),
				newNotes, id, version);
		if (n == 0) {
			throw new ChangedMeanwhile(history.since(id, version));
		}
		c.steps().field("owner", before.ownerName(),
				ownerId == null ? null : staff.byId(ownerId).map(StaffManagement.StaffSummary::displayName).orElse(null));
		c.steps().field("dueDate", before.dueDate(), dueDate);
		c.steps().field("notes", Strings.abbreviate(before.notes(), 200), Strings.abbreviate(newNotes, 200));
		history.write(id, version + 1, permissions.currentUsername(), c.steps());
	}

	/** The item's history (处理经过), oldest first. */
	List<CaseHistory.Entry> history(long itemId) {
		return history.of(itemId);
	}

	/** What the item's status allows, for its page. */
	static java.util.Set<DutyAction> allowedActions(Item item) {
		return DutyTransitions.allowed(item.status());
	}

	List<Record> records(long itemId) {
		return jdbc.query("""
				select id, recorded_at, actor, record_date, title, content, response, counterparty, reference, amount, score,
				       awarded, attachment_name from duty_record where duty_item_id = ? order by record_date nulls last, id""",
				(rs, i) -> new Record(rs.getLong("id"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("actor"),
						rs.getObject("record_date", LocalDate.class), rs.getString("title"), rs.getString("content"),
						rs.getString("response"), rs.getString("counterparty"), rs.getString("reference"),
						rs.getBigDecimal("amount"), rs.getBigDecimal("score"), (Boolean) rs.getObject("awarded"),
						rs.getString("attachment_name")), itemId);
	}

	/** Adds a record; the fields the item's kind uses must not all be empty; a started item moves to 进行中. */
	@Transactional
	long addRecord(long itemId, RecordForm form, MultipartFile attachment) {
		require(EDIT);
		Item item = lock(itemId);
		DutyCase c = new DutyCase(itemId, item.status(), item.version());
		c.perform(DutyAction.RECORD);
		List<String> fields = DutyKinds.fields(item.kind());
		FieldErrors errors = new FieldErrors();
		boolean any = (fields.contains("title") && Strings.blankToNull(form.title()) != null) || (fields.contains("content") && Strings.blankToNull(form.content()) != null)
				|| (fields.contains("counterparty") && Strings.blankToNull(form.counterparty()) != null) || form.amount() != null
				|| form.score() != null || (attachment != null && !attachment.isEmpty());
		if (!any) {
			errors.put("content", "duty.record.empty");
		}
		errors.length("title", form.title(), TITLE_MAX).length("content", form.content(), CONTENT_MAX)
			.length("response", form.response(), CONTENT_MAX).length("counterparty", form.counterparty(), NAME_MAX)
			.length("reference", form.reference(), NAME_MAX);
		if (form.recordDate() != null && form.recordDate().isAfter(BusinessClock.today())) {
			errors.put("recordDate", "input.date.happened");
		}
		if (form.score() != null && (form.score().signum() < 0 || form.score().compareTo(BigDecimal.valueOf(100)) > 0)) {
			errors.put("score", "duty.record.score");
		}
		if (form.amount() != null && form.amount().signum() < 0) {
			errors.put("amount", "duty.record.amount");
		}
		else if (form.amount() != null && form.amount().abs().compareTo(AMOUNT_LIMIT) >= 0) {
			errors.put("amount", "input.numberOnly");
		}
		boolean file = attachment != null && !attachment.isEmpty();
		Uploads.Checked checked = null;
		if (file) {
			try {
				checked = uploads.check(Uploads.Kind.ATTACHMENT, attachment, "attachment");
			}
			catch (InvalidInputException e) {
				e.errors().forEach((field, key) -> errors.put(field, key, e.args(field)));
			}
		}
		errors.throwIfAny();
		long id = jdbc.queryForObject("""
				insert into duty_record (duty_item_id, actor, record_date, title, content, response, counterparty, reference,
				  amount, score, awarded, attachment_name, attachment_type, attachment, attachment_checked)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, itemId,
				permissions.currentUsername(), form.recordDate() != null ? form.recordDate() : BusinessClock.today(),
				Strings.orEmpty(Strings.stripped(form.title())), Strings.orEmpty(Strings.stripped(form.content())), Strings.orEmpty(Strings.stripped(form.response())), Strings.orEmpty(Strings.stripped(form.counterparty())), Strings.orEmpty(Strings.stripped(form.reference())),
				form.amount(), form.score(), form.awarded(), file ? checked.fileName() : null,
				file ? checked.contentType() : null, file ? checked.data() : null, file);
		long version = item.version();
		if (c.status() != item.status()) {
			jdbc.update("update duty_item set status = ?, version = version + 1, updated_at = " + BusinessClock.sqlNow()
					+ " where id = ?", c.status().name(), itemId);
			version++;
		}
		String what = Strings.blankToNull(form.title()) != null ? form.title() : Strings.blankToNull(form.content());
		history.write(itemId, version, permissions.currentUsername(), c.steps()
			.add(HistoryStep.note(HistoryKind.RECORD, Strings.abbreviate(what != null ? what.strip()
					: file ? checked.fileName() : Strings.blankToNull(form.counterparty()), 200))));
		return id;
	}

	record Attachment(String name, String type, boolean checked, byte[] data) {
	}

	Optional<Attachment> attachment(long itemId, long recordId) {
		return jdbc.query("""
				select attachment_name, attachment_type, attachment_checked, attachment from duty_record
				where id = ? and duty_item_id = ? and attachment is not null""",
				(rs, i) -> new Attachment(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBytes(4)), recordId, itemId)
			.stream()
			.findFirst();
	}

	/** The owners' assembly trigger of a project, from the archive's areas and handover dates, by its region's rule. */
	AssemblyTrigger.Status assembly(long projectId) {
		ArchiveLookup.ProjectArea area = archive.area(projectId);
		return AssemblyTrigger.evaluate(area.region(), area.total(), area.delivered(), area.firstHandover());
	}

	/** A summary per phase of a project: items done of all, for the project list and the API. */
	Map<Phase, long[]> progress(long projectId) {
		Map<Phase, long[]> m = new LinkedHashMap<>();
		for (Item i : items(projectId)) {
			long[] p = m.computeIfAbsent(i.phase(), k -> new long[2]);
			p[1]++;
			if (i.status() == Status.DONE || i.status() == Status.NOT_APPLICABLE) {
				p[0]++;
			}
		}
		return m;
	}

	private void require(String permission) {
		if (!permissions.has(permission)) {
			throw new AccessDeniedException(permission);
		}
	}

}
