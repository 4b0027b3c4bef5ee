package io.estatedesk.frontdesk;

import io.estatedesk.shared.BusinessClock;
import io.estatedesk.shared.Strings;
import io.estatedesk.shared.Texts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.estatedesk.complaint.Channel;
import io.estatedesk.complaint.ComplaintManagement;
import io.estatedesk.estate.ArchiveLookup;
import io.estatedesk.repair.Source;
import io.estatedesk.repair.Urgency;
import io.estatedesk.repair.WorkOrderManagement;
import io.estatedesk.shared.FieldErrors;
import io.estatedesk.shared.Happened;
import io.estatedesk.shared.Phone;
import io.estatedesk.shared.PhoneNumbers;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.Masking;
import io.estatedesk.shared.NotFoundException;
import io.estatedesk.shared.Slice;
import io.estatedesk.staff.Permissions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 内勤's desk: every call with the answer given (a 投诉 call becomes a complaint and a 报修 call a work order in the same
 * step, carrying the call's data), and the 《来访登记簿》 (a visit by an owner may become a complaint).
 */
@Service
class FrontDesk {

	static final String VIEW = "FRONTDESK_VIEW";

	static final String EDIT = "FRONTDESK_EDIT";

	enum CallType {

		CONSULT, COMPLAINT, SUGGESTION, OPINION, PRAISE, REPAIR

	}

	enum Identity {

		OWNER, RESIDENT, VISITOR, CONTRACTOR, OFFICIAL, OTHER

	}

	/**
	 * A call as the 内勤 enters it (also the API's body); complaint and repair fields are used for those types only.
	 * The facade checks the same again by hand, for every caller.
	 */
	record CallForm(@Happened(message = "{call.receivedAt.happened}") LocalDateTime receivedAt,
			@NotNull(message = "{call.type.required}") CallType type,
			@Size(max = FrontDeskForms.TOPIC, message = "{input.tooLong}") String topic,
			@Size(max = FrontDeskForms.NAME, message = "{input.tooLong}") String callerName,
			@Size(max = FrontDeskForms.PHONE, message = "{input.tooLong}") @Phone String callerPhone, Long ownerId, Long unitId,
			Long projectId,
			@NotBlank(message = "{call.content.required}") @Size(max = FrontDeskForms.CALL_TEXT, message = "{input.tooLong}") String content,
			@Size(max = FrontDeskForms.CALL_TEXT, message = "{input.tooLong}") String answer, Boolean followUp, Long categoryId,
			Long tradeId, @Size(max = FrontDeskForms.LOCATION, message = "{input.tooLong}") String location, Boolean emergency) {
	}

	record Call(long id, Instant receivedAt, CallType type, String topic, String callerName, String callerPhone,
			Long ownerId, String ownerName, Long unitId, String unitLabel, Long projectId, String content, String answer,
			boolean followUp, Long complaintId, String complaintCode, Long workOrderId, String workOrderCode,
			String receivedBy) {

		/** The call with the caller's number masked, as every answer shows it unless the number was revealed. */
		Call masked() {
			return new Call(id, receivedAt, type, topic, callerName, Masking.phone(callerPhone), ownerId, ownerName, unitId,
					unitLabel, projectId, content, answer, followUp, complaintId, complaintCode, workOrderId, workOrderCode,
					receivedBy);
		}
	}

	/** A visit as the 来访登记簿 takes it (also the API's body); the facade checks the same again by hand. */
	record VisitForm(@NotNull(message = "{visit.identity.required}") Identity identity,
			@NotBlank(message = "{visit.name.required}") @Size(max = FrontDeskForms.NAME, message = "{input.tooLong}") String name,
			String gender,
			@Size(max = FrontDeskForms.EMPLOYER, message = "{input.tooLong}") String employer,
			@Size(max = FrontDeskForms.PHONE, message = "{input.tooLong}") @Phone String phone,
			@NotBlank(message = "{visit.reason.required}") @Size(max = FrontDeskForms.REASON, message = "{input.tooLong}") String reason,
			@Min(value = 1, message = "{visit.people.invalid}") @Max(value = FrontDeskForms.PEOPLE, message = "{visit.people.tooMany}") Integer people,
			@Happened(message = "{visit.timeIn.happened}") LocalDateTime timeIn,
			@Happened(message = "{visit.timeOut.happened}") LocalDateTime timeOut,
			@Size(max = FrontDeskForms.HOST, message = "{input.tooLong}") String host, Long ownerId, Long unitId,
			Long projectId) {
	}

	record Visit(long id, Identity identity, String name, String gender, String employer, String phone, String reason,
			int people, Instant timeIn, Instant timeOut, String host, Long ownerId, String ownerName, Long unitId,
			String unitLabel, Long projectId, Long complaintId, String complaintCode, String recordedBy) {

		/** The visit with the visitor's number masked, as the register shows it unless the numbers were revealed. */
		Visit masked() {
			return new Visit(id, identity, name, gender, employer, Masking.phone(phone), reason, people, timeIn, timeOut, host,
					ownerId, ownerName, unitId, unitLabel, projectId, complaintId, complaintCode, recordedBy);
		}
	}

	record Count(String label, long count) {
	}

	private final JdbcTemplate jdbc;

	private final Permissions permissions;

	private final ArchiveLookup archive;

	private final ComplaintManagement complaints;

	private final WorkOrderManagement workOrders;

	FrontDesk(JdbcTemplate jdbc, Permissions permissions, ArchiveLookup archive, ComplaintManagement complaints,
			WorkOrderManagement workOrders) {
		this.jdbc = jdbc;
		this.permissions = permissions;
		this.archive = archive;
		this.complaints = complaints;
		this.workOrders = workOrders;
	}

	// ---------------------------------------------------------------- calls

	/** Records a call; a 投诉 becomes a complaint, a 报修 a work order, in the same transaction. Returns its id. */
	@Transactional
	long recordCall(CallForm f) {
		require(EDIT);
		FieldErrors errors = new FieldErrors();
		String phone = callErrors(f, errors);
		errors.throwIfAny();
		Long projectId = f.unitId() == null ? f.projectId()
				: archive.unit(f.unitId()).map(ArchiveLookup.UnitRef::projectId).orElse(f.projectId());
		LocalDateTime at = f.receivedAt() != null ? f.receivedAt() : BusinessClock.localNowToMinute();
		Long complaintId = null;
		Long workOrderId = null;
		if (f.type() == CallType.COMPLAINT) {
			complaintId = complaints.receive(new ComplaintManagement.Intake(projectId, f.callerName().strip(), at, f.unitId(),
					f.ownerId(), phone, Channel.PHONE, f.categoryId(), null, f.content().strip(), null));
		}
		else if (f.type() == CallType.REPAIR) {
			workOrderId = workOrders.raise(new WorkOrderManagement.RaiseForm(projectId, f.unitId(), f.ownerId(),
					// not in a home: the location said on the phone is the public area (raise asks for it when missing)
					f.unitId() == null ? Strings.orEmpty(f.location()).strip() : null, null,
					Source.CALL, f.tradeId(), null, Strings.orEmpty(f.location()).strip(), f.content().strip(),
					Boolean.TRUE.equals(f.emergency()) ? Urgency.EMERGENCY : Urgency.NORMAL, f.callerName().strip(), phone,
					null, null, null, null));
		}
		return jdbc.queryForObject("""
				insert into call_log (received_at, type, topic, caller_name, caller_phone, owner_id, unit_id, project_id, content,
				  answer, follow_up, complaint_id, work_order_id, received_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class,
				Timestamp.from(at.atZone(BusinessClock.ZONE).toInstant()), f.type().name(), Strings.orEmpty(f.topic()).strip(), f.callerName().strip(),
				phone, f.ownerId(), f.unitId(), projectId, f.content().strip(), Strings.orEmpty(f.answer()).strip(),
				Boolean.TRUE.equals(f.followUp()), complaintId, workOrderId, permissions.currentUsername());
	}

	/** Checks a call without recording it (a page shows these next to the errors its form found itself). */
	void checkCall(CallForm f) {
		FieldErrors errors = new FieldErrors();
		callErrors(f, errors);
		errors.throwIfAny();
	}

	/** Every check of a call, in the order of the form; returns the number to store. */
	private String callErrors(CallForm f, FieldErrors errors) {
		if (!Happened.Check.plausible(f.receivedAt())) {
			errors.put("receivedAt", happenedKey(f.receivedAt(), "call.receivedAt"));
		}
		String phone = number("callerPhone", f.callerPhone(), f.ownerId(), errors);
		if (f.type() == null) {
			errors.put("type", "call.type.required");
		}
		errors.required("callerName", f.callerName(), "call.callerName.required");
		errors.length("callerName", f.callerName(), FrontDeskForms.NAME);
		errors.length("topic", f.topic(), FrontDeskForms.TOPIC);
		errors.required("content", f.content(), "call.content.required");
		errors.length("content", f.content(), FrontDeskForms.CALL_TEXT);
		errors.length("answer", f.answer(), FrontDeskForms.CALL_TEXT);
		errors.length("location", f.location(), FrontDeskForms.LOCATION);
		Long projectId = f.projectId();
		if (f.unitId() != null) {
			ArchiveLookup.UnitRef u = archive.unit(f.unitId()).orElse(null);
			if (u == null) {
				errors.put("unitId", "workorder.unit.unknown");
			}
			else {
				projectId = u.projectId();
			}
		}
		if ((f.type() == CallType.COMPLAINT || f.type() == CallType.REPAIR) && projectId == null) {
			errors.put("projectId", "call.project.required");
		}
		if (f.type() == CallType.COMPLAINT && f.categoryId() == null) {
			errors.put("categoryId", "complaint.category.required");
		}
		if (f.type() == CallType.REPAIR && f.tradeId() == null) {
			errors.put("tradeId", "workorder.trade.required");
		}
		return phone;
	}

	/** A time later than now today says so; a day out of range says the range. */
	private static String happenedKey(LocalDateTime at, String field) {
		return at != null && !at.toLocalDate().isAfter(BusinessClock.today()) && !at.toLocalDate().isBefore(Happened.EARLIEST)
				? field + ".future" : field + ".happened";
	}

	/**
	 * The number to store: as typed (normalised) when it is one; a masked number sent back unchanged stands for the
	 * chosen owner's stored one it masks; anything else is refused next to the field.
	 */
	private String number(String field, String value, Long ownerId, FieldErrors errors) {
		String typed = Strings.orEmpty(value).strip();
		if (Masking.looksMasked(typed)) {
			String stored = ownerId == null ? null : archive.owner(ownerId)
				.flatMap(o -> java.util.stream.Stream.of(o.mobile(), o.otherPhone())
					.filter(p -> p != null && !p.isBlank() && typed.equals(Masking.phone(p)))
					.findFirst())
				.orElse(null);
			if (stored == null) {
				errors.put(field, PhoneNumbers.INVALID);
				return "";
			}
			return stored;
		}
		errors.length(field, typed, FrontDeskForms.PHONE);
		errors.phone(field, typed);
		String normalized = PhoneNumbers.normalize(typed);
		return normalized == null ? "" : normalized;
	}

	private static final String CALL_SELECT = """
			select c.*, o.name owner_name, u.label unit_label, cp.code complaint_code, w.code work_order_code
			from call_log c left join estate_owner o on o.id = c.owner_id left join estate_unit_place u on u.id = c.unit_id
			left join complaint_case cp on cp.id = c.complaint_id left join repair_work_order w on w.id = c.work_order_id""";

	/** A page of calls, newest first, filtered in the database and never counted in full. */
	Slice<Call> calls(CallType type, LocalDate from, LocalDate to, Long ownerId, Long unitId, String q, int page, int size) {
		List<Object> args = new ArrayList<>();
		StringBuilder where = new StringBuilder(" where true");
		if (type != null) {
			where.append(" and c.type = ?");
			args.add(type.name());
		}
		if (from != null) {
			where.append(" and c.received_at >= ?");
			args.add(Timestamp.from(from.atStartOfDay(BusinessClock.ZONE).toInstant()));
		}
		if (to != null) {
			where.append(" and c.received_at < ?");
			args.add(Timestamp.from(to.plusDays(1).atStartOfDay(BusinessClock.ZONE).toInstant()));
		}
		if (ownerId != null) {
			where.append(" and c.owner_id = ?");
			args.add(ownerId);
		}
		if (unitId != null) {
			where.append(" and c.unit_id = ?");
			args.add(unitId);
		}
		if (!blank(q)) {
			where.append(" and (strpos(c.content, ?) > 0 or strpos(c.caller_name, ?) > 0 or strpos(c.caller_phone, ?) > 0 or c.topic = ?)");
			args.add(q.strip());
			args.add(q.strip());
			args.add(q.strip());
			args.add(q.strip());
		}
		args.add(size + 1);
		args.add((long) page * size);
		return Slice.of(jdbc.query(CALL_SELECT + where + " order by c.received_at desc, c.id desc limit ? offset ?",
				(rs, i) -> call(rs), args.toArray()), page, size,
				() -> jdbc.queryForObject(Slice.boundedCount(CALL_SELECT + where), Long.class, args.subList(0, args.size() - 2).toArray()));
	}

	Call call(long id) {
		return jdbc.query(CALL_SELECT + " where c.id = ?", (rs, i) -> call(rs), id).stream().findFirst()
			.orElseThrow(() -> new NotFoundException("call.notFound"));
	}

	private static Call call(ResultSet rs) throws SQLException {
		return new Call(rs.getLong("id"), rs.getTimestamp("received_at").toInstant(), CallType.valueOf(rs.getString("type")),
				rs.getString("topic"), rs.getString("caller_name"), rs.getString("caller_phone"), (Long) rs.getObject("owner_id"),
				rs.getString("owner_name"), (Long) rs.getObject("unit_id"), rs.getString("unit_label"),
				(Long) rs.getObject("project_id"), rs.getString("content"), rs.getString("answer"), rs.getBoolean("follow_up"),
				(Long) rs.getObject("complaint_id"), rs.getString("complaint_code"), (Long) rs.getObject("work_order_id"),
				rs.getString("work_order_code"), rs.getString("received_by"));
	}

	/** Calls per type and per topic in a period. */
	Map<String, List<Count>> statistics(LocalDate from, LocalDate to) {
		Timestamp f = Timestamp.from(from.atStartOfDay(BusinessClock.ZONE).toInstant());
		Timestamp t = Timestamp.from(to.plusDays(1).atStartOfDay(BusinessClock.ZONE).toInstant());
		Map<String, List<Count>> m = new LinkedHashMap<>();
		m.put("byType", jdbc.query("select type, count(*) from call_log where received_at >= ? and received_at < ? group by type order by 2 desc",
				(rs, i) -> new Count(rs.getString(1), rs.getLong(2)), f, t));
		m.put("byTopic", jdbc.query("""
				select coalesce(nullif(topic, ''), '（未分类）'), count(*) from call_log where received_at >= ? and received_at < ?
				group by 1 order by 2 desc limit 15""", (rs, i) -> new Count(rs.getString(1), rs.getLong(2)), f, t));
		return m;
	}

	// ---------------------------------------------------------------- visits

	@Transactional
	long recordVisit(VisitForm f) {
		require(EDIT);
		FieldErrors errors = new FieldErrors();
		String phone = visitErrors(f, errors);
		errors.throwIfAny();
		LocalDateTime in = f.timeIn() != null ? f.timeIn() : BusinessClock.localNowToMinute();
		Long projectId = f.unitId() == null ? f.projectId() : archive.unit(f.unitId()).map(ArchiveLookup.UnitRef::projectId).orElse(f.projectId());
		return jdbc.queryForObject("""
				insert into visit (identity, name, gender, employer, phone, reason, people, time_in, time_out, host, owner_id,
				  unit_id, project_id, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class,
				f.identity().name(), f.name().strip(), Strings.orEmpty(f.gender()).strip(), Strings.orEmpty(f.employer()).strip(), phone, f.reason().strip(),
				f.people() == null ? 1 : f.people(), Timestamp.from(in.atZone(BusinessClock.ZONE).toInstant()),
				f.timeOut() == null ? null : Timestamp.from(f.timeOut().atZone(BusinessClock.ZONE).toInstant()), Strings.orEmpty(f.host()).strip(),
				f.ownerId(), f.unitId(), projectId, permissions.currentUsername());
	}

	/** Checks a visit without recording it (a page shows these next to the errors its form found itself). */
	void checkVisit(VisitForm f) {
		FieldErrors errors = new FieldErrors();
		visitErrors(f, errors);
		errors.throwIfAny();
	}

	/** Every check of a visit, in the order of the form; returns the number to store. */
	private String visitErrors(VisitForm f, FieldErrors errors) {
		if (f.identity() == null) {
			errors.put("identity", "visit.identity.required");
		}
		errors.required("name", f.name(), "visit.name.required");
		errors.length("name", f.name(), FrontDeskForms.NAME);
		String gender = Strings.orEmpty(f.gender()).strip();
		// stored as the register writes it (男/女), as the owners' archive does
		if (!gender.isEmpty() && !gender.equals(Texts.zh("visit.gender.male")) && !gender.equals(Texts.zh("visit.gender.female"))) {
			errors.put("gender", "visit.gender.invalid");
		}
		errors.length("employer", f.employer(), FrontDeskForms.EMPLOYER);
		String phone = number("phone", f.phone(), f.ownerId(), errors);
		errors.required("reason", f.reason(), "visit.reason.required");
		errors.length("reason", f.reason(), FrontDeskForms.REASON);
		if (f.people() != null && f.people() < 1) {
			errors.put("people", "visit.people.invalid");
		}
		if (f.people() != null && f.people() > FrontDeskForms.PEOPLE) {
			errors.put("people", "visit.people.tooMany");
		}
		if (!Happened.Check.plausible(f.timeIn())) {
			errors.put("timeIn", happenedKey(f.timeIn(), "visit.timeIn"));
		}
		if (!Happened.Check.plausible(f.timeOut())) {
			errors.put("timeOut", happenedKey(f.timeOut(), "visit.timeOut"));
		}
		LocalDateTime in = f.timeIn() != null ? f.timeIn() : BusinessClock.localNowToMinute();
		if (f.timeOut() != null && f.timeOut().isBefore(in)) {
			errors.put("timeOut", "visit.timeOut.beforeIn");
		}
		errors.length("host", f.host(), FrontDeskForms.HOST);
		return phone;
	}

	/** 离开: records the time the visitor left (now when not given). */
	@Transactional
	void leave(long id, LocalDateTime at) {
		require(EDIT);
		Visit v = visit(id);
		Instant out = (at != null ? at.atZone(BusinessClock.ZONE).toInstant() : BusinessClock.now());
		if (out.isBefore(v.timeIn())) {
			throw new InvalidInputException(Map.of("timeOut", "visit.timeOut.beforeIn"));
		}
		jdbc.update("update visit set time_out = ? where id = ?", Timestamp.from(out), id);
	}

	/** A visiting owner's matter becomes a complaint (channel 来访), linked to the visit. Returns the complaint's id. */
	@Transactional
	long complaintFromVisit(long id, Long categoryId) {
		require(EDIT);
		Visit v = visit(id);
		if (v.complaintId() != null) {
			return v.complaintId();
		}
		if (v.projectId() == null) {
			throw new InvalidInputException(Map.of("projectId", "call.project.required"));
		}
		long complaintId = complaints.receive(new ComplaintManagement.Intake(v.projectId(), v.name(),
				LocalDateTime.ofInstant(v.timeIn(), BusinessClock.ZONE), v.unitId(), v.ownerId(), v.phone(), Channel.VISIT,
				categoryId, null, v.reason(), null));
		jdbc.update("update visit set complaint_id = ? where id = ?", complaintId, id);
		return complaintId;
	}

	private static final String VISIT_SELECT = """
			select v.*, o.name owner_name, u.label unit_label, cp.code complaint_code
			from visit v left join estate_owner o on o.id = v.owner_id left join estate_unit_place u on u.id = v.unit_id
			left join complaint_case cp on cp.id = v.complaint_id""";

	/** The register of one day, in order of arrival. */
	List<Visit> visits(LocalDate day) {
		return jdbc.query(VISIT_SELECT + " where v.time_in >= ? and v.time_in < ? order by v.time_in, v.id", (rs, i) -> visit(rs),
				Timestamp.from(day.atStartOfDay(BusinessClock.ZONE).toInstant()),
				Timestamp.from(day.plusDays(1).atStartOfDay(BusinessClock.ZONE).toInstant()));
	}

	Visit visit(long id) {
		return jdbc.query(VISIT_SELECT + " where v.id = ?", (rs, i) -> visit(rs), id).stream().findFirst()
			.orElseThrow(() -> new NotFoundException("visit.notFound"));
	}

	private static Visit visit(ResultSet rs) throws SQLException {
		Timestamp out = rs.getTimestamp("time_out");
		return new Visit(rs.getLong("id"), Identity.valueOf(rs.getString("identity")), rs.getString("name"),
				rs.getString("gender"), rs.getString("employer"), rs.getString("phone"), rs.getString("reason"),
				rs.getInt("people"), rs.getTimestamp("time_in").toInstant(), out == null ? null : out.toInstant(),
				rs.getString("host"), (Long) rs.getObject("owner_id"), rs.getString("owner_name"), (Long) rs.getObject("unit_id"),
				rs.getString("unit_label"), (Long) rs.getObject("project_id"), (Long) rs.getObject("complaint_id"),
				rs.getString("complaint_code"), rs.getString("recorded_by"));
	}

	/** Calls and visits of an owner or a unit, newest first, for their archive pages. */
	List<Map<String, Object>> contacts(String column, long id) {
		return jdbc.queryForList("""
				select 'CALL' kind, c.id, c.received_at at, c.type sub, c.content from call_log c where c.%1$s = ?
				union all
				select 'VISIT', v.id, v.time_in, v.identity, v.reason from visit v where v.%1$s = ?
				order by 3 desc limit 30""".formatted(column), id, id);
	}

	Long tradeId(String code) {
		return jdbc.queryForList("select id from repair_trade_name where code = ?", Long.class, code).stream().findFirst().orElse(null);
	}

	private void require(String permission) {
		if (!permissions.has(permission)) {
			throw new AccessDeniedException(permission);
		}
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}


}
