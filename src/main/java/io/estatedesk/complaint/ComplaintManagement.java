package io.estatedesk.complaint;

import io.estatedesk.shared.BusinessClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.estatedesk.estate.ArchiveLookup;
import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.Uploads;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.Masking;
import io.estatedesk.shared.NotFoundException;
import io.estatedesk.shared.StaffNotification;
import io.estatedesk.shared.Texts;
import io.estatedesk.staff.ConfidentialNumbers;
import io.estatedesk.staff.Permissions;
import io.estatedesk.staff.StaffManagement;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Everything that happens to a complaint, under the charter's rules: the receiver owns it to the reply (谁受理，谁跟进，
 * 谁回复), only a manager transfers it, every change is a history entry, and a stale edit is refused with what changed.
 */
@Service
public class ComplaintManagement {

	static final String VIEW = "COMPLAINT_VIEW";

	static final String CREATE = "COMPLAINT_CREATE";

	static final String HANDLE = "COMPLAINT_HANDLE";

	static final String MANAGE = "COMPLAINT_MANAGE";

	static final String TRANSFER = "COMPLAINT_TRANSFER";

	static final String INSTRUCT = "COMPLAINT_INSTRUCT";

	/** Receives overdue complaints and the reports of major and group complaints (部门经理 by default). */
	static final String ESCALATION = "COMPLAINT_ESCALATION";

	/** Is told when a complaint waits for an instruction (公司领导 by default). */
	static final String INSTRUCTION_NOTICE = "COMPLAINT_INSTRUCTION_NOTICE";

	private final ComplaintRepository complaints;

	private final ComplaintRules rules;

	private final ComplaintCodes codes;

	private final ComplaintSearch search;

	private final ComplaintHistory history;

	private final JdbcTemplate jdbc;

	private final Permissions permissions;

	private final StaffManagement staff;

	private final ArchiveLookup archive;

	private final ApplicationEventPublisher events;

	private final Uploads uploads;

	ComplaintManagement(ComplaintRepository complaints, ComplaintRules rules, ComplaintCodes codes, ComplaintSearch search,
			ComplaintHistory history, JdbcTemplate jdbc, Permissions permissions, StaffManagement staff,
			ArchiveLookup archive, ApplicationEventPublisher events, Uploads uploads) {
		this.complaints = complaints;
		this.rules = rules;
		this.codes = codes;
		this.search = search;
		this.history = history;
		this.jdbc = jdbc;
		this.permissions = permissions;
		this.staff = staff;
		this.archive = archive;
		this.events = events;
		this.uploads = uploads;
	}

	// ---------------------------------------------------------------- intake

	/** 受理: records a new complaint; the receiver (接报人) becomes its owner. Returns its ID. */
	@Transactional
	public long receive(IntakeForm form) {
		requirePermission(CREATE);
		long me = currentStaffId();
		Complaint c = new Complaint();
		c.receiverId = form.receiverId() != null ? form.receiverId() : me;
		c.handlerId = c.receiverId;
		applyIntake(c, form);
		Instant now = BusinessClock.now();
		c.code = codes.next(c.complaintDate);
		c.state = ComplaintState.RECEIVED;
		rules.schedule(c, now.isBefore(c.complainedAt) ? now : c.complainedAt);
		complaints.saveAndFlush(c);
		history.add(c.id, c.version, actor(), "CREATED", null, null, ComplaintState.RECEIVED.name(), null);
		search.index(c.id);
		if (c.severity == Severity.MAJOR || c.groupCase) {
			notifyManagers(c, Texts.zh(c.severity == Severity.MAJOR ? "complaint.notify.majorReceived" : "complaint.notify.groupReceived", c.code),
					c.complainant + "：" + abbreviate(c.content));
		}
		if (!Objects.equals(c.handlerId, me)) {
			notify(List.of(c.handlerId), Texts.zh("complaint.notify.assigned", c.code), abbreviate(c.content), c);
		}
		return c.id;
	}

	private void applyIntake(Complaint c, IntakeForm form) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (archive.project(form.projectId()).isEmpty()) {
			errors.put("projectId", "complaint.project.unknown");
		}
		if (form.unitId() != null) {
			var unit = archive.unit(form.unitId());
			if (unit.isEmpty()) {
				errors.put("unitId", "complaint.unit.unknown");
			}
			else if (unit.get().projectId() != form.projectId()) {
				errors.put("unitId", "complaint.unit.otherProject");
			}
		}
		if (form.ownerId() != null && archive.owner(form.ownerId()).isEmpty()) {
			errors.put("ownerId", "complaint.owner.unknown");
		}
		Long receiver = form.receiverId() != null ? form.receiverId() : c.receiverId;
		if (receiver == null || staff.byId(receiver).filter(StaffManagement.StaffSummary::enabled).isEmpty()) {
			errors.put("receiverId", "complaint.receiver.unknown");
		}
		Integer activeCategory = jdbc.queryForObject("select count(*) from complaint_category where id = ? and active",
				Integer.class, form.categoryId());
		if (activeCategory == null || activeCategory == 0) {
			errors.put("categoryId", "complaint.category.unknown");
		}
		Instant complainedAt = form.complainedAt().atZone(BusinessClock.ZONE).toInstant();
		if (complainedAt.isAfter(BusinessClock.now().plusSeconds(600))) {
			errors.put("complainedAt", "complaint.complainedAt.future");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		c.projectId = form.projectId();
		c.complaintDate = form.complaintDate() != null ? form.complaintDate() : BusinessClock.today();
		c.complainant = form.complainant().strip();
		c.complainedAt = complainedAt;
		c.unitId = form.unitId();
		c.ownerId = form.ownerId();
		// a form or API client that was shown the masked number and sent it back unchanged keeps the stored one
		c.contactPhone = ConfidentialNumbers.unchangedMasked(form.contactPhone(), c.contactPhone) ? c.contactPhone
				: blankToNull(form.contactPhone());
		c.receiverId = receiver;
		c.channel = form.channel();
		c.categoryId = form.categoryId();
		c.severity = form.severity();
		c.groupCase = Boolean.TRUE.equals(form.groupCase());
		c.content = form.content().strip();
		c.remedy = nz(form.remedy());
	}

	/** Corrects the intake fields while the complaint is still being handled. */
	@Transactional
	public void editIntake(long id, IntakeForm form, long version) {
		Complaint c = load(id, version);
		requireHandlerOrManager(c);
		c.check(ComplaintAction.EDIT_INTAKE);
		Snapshot before = new Snapshot(c);
		boolean becameSerious = (form.severity() == Severity.MAJOR && c.severity != Severity.MAJOR)
				|| (Boolean.TRUE.equals(form.groupCase()) && !c.groupCase);
		applyIntake(c, form);
		touch(c);
		before.recordChanges(c, this);
		search.index(c.id);
		if (becameSerious) {
			notifyManagers(c, Texts.zh(c.severity == Severity.MAJOR ? "complaint.notify.becameMajor" : "complaint.notify.becameGroup", c.code),
					abbreviate(c.content));
		}
	}

	/** 原因分析, 整改措施, 处理意见 — by the complaint's owner or a manager. */
	@Transactional
	public void saveAnalysis(long id, AnalysisForm form, long version) {
		Complaint c = load(id, version);
		requireHandlerOrManager(c);
		c.check(ComplaintAction.ANALYSE);
		Snapshot before = new Snapshot(c);
		ComplaintCause cause = ComplaintCause.parse(form.causeType());
		c.causeType = cause == null ? null : cause.name();
		c.causeAnalysis = nz(form.causeAnalysis());
		c.correctiveAction = nz(form.correctiveAction());
		c.handlingOpinion = nz(form.handlingOpinion());
		acknowledge(c, ComplaintAction.ANALYSE);
		touch(c);
		before.recordChanges(c, this);
		search.index(c.id);
	}

	// ---------------------------------------------------------------- handling

	/** 跟进记录: time, way of contact, what was said or done. The first one acknowledges the complaint. */
	@Transactional
	public void addFollowup(long id, FollowupForm form) {
		Complaint c = get(id);
		requireHandlerOrManager(c);
		c.check(ComplaintAction.FOLLOW_UP);
		Instant at = form.occurredAt() == null ? BusinessClock.now() : form.occurredAt().atZone(BusinessClock.ZONE).toInstant();
		jdbc.update("insert into complaint_followup (complaint_id, occurred_at, actor, way, content) values (?, ?, ?, ?, ?)",
				c.id, java.sql.Timestamp.from(at), actor(), form.way().strip(), form.content().strip());
		acknowledge(c, ComplaintAction.FOLLOW_UP);
		touch(c);
		complaints.saveAndFlush(c);
		history.add(c.id, c.version, actor(), "FOLLOWUP", null, null, null, form.way().strip() + "：" + abbreviate(form.content()));
		search.index(c.id);
	}

	/** An action that acknowledges the complaint: the table moves 受理 on to 处理中. */
	private void acknowledge(Complaint c, ComplaintAction action) {
		perform(c, action, null);
		if (c.acknowledgedAt == null) {
			c.acknowledgedAt = BusinessClock.now();
		}
	}

	/** 处理完毕，提交: to 待领导批示 when the rules ask for an instruction, otherwise to 待回复. */
	@Transactional
	public void submit(long id, long version) {
		Complaint c = load(id, version);
		requireHandlerOrManager(c);
		ComplaintAction submit = submitAction(c);
		c.check(submit);
		Map<String, String> missing = new LinkedHashMap<>();
		if (c.causeAnalysis.isBlank()) {
			missing.put("causeAnalysis", "complaint.causeAnalysis.required");
		}
		if (c.correctiveAction.isBlank()) {
			missing.put("correctiveAction", "complaint.correctiveAction.required");
		}
		if (c.handlingOpinion.isBlank()) {
			missing.put("handlingOpinion", "complaint.handlingOpinion.required");
		}
		if (!missing.isEmpty()) {
			throw new InvalidInputException(missing);
		}
		handled(c, submit, null);
	}

	/** 处理完毕: 报领导批示 when the rules ask for an instruction, otherwise 提交 (to 待回复). */
	private ComplaintAction submitAction(Complaint c) {
		return rules.rule(c.categoryId, c.severity).needsInstruction() ? ComplaintAction.SUBMIT_FOR_INSTRUCTION
				: ComplaintAction.SUBMIT;
	}

	/** Handling is done: the submit action the rules chose takes the complaint on. */
	private void handled(Complaint c, ComplaintAction submit, String note) {
		handled(c, submit, note, actor());
	}

	private void handled(Complaint c, ComplaintAction submit, String note, String actor) {
		resumeIfWaiting(c);
		if (c.acknowledgedAt == null) {
			c.acknowledgedAt = BusinessClock.now();
		}
		perform(c, submit, note, actor);
		touch(c);
		complaints.saveAndFlush(c);
		if (submit == ComplaintAction.SUBMIT_FOR_INSTRUCTION) {
			List<Long> leaders = staff.idsWithPermission(INSTRUCTION_NOTICE);
			notify(leaders, Texts.zh("complaint.notify.pendingInstruction", c.code), abbreviate(c.content), c);
		}
	}

	/** 领导批示: approve (to 待回复) or send back (to 处理中), with the instruction text. */
	@Transactional
	public void instruct(long id, String instruction, boolean approve, long version) {
		Complaint c = load(id, version);
		requirePermission(INSTRUCT);
		ComplaintAction decision = approve ? ComplaintAction.INSTRUCT : ComplaintAction.SEND_BACK;
		c.check(decision);
		if (instruction == null || instruction.isBlank()) {
			throw new InvalidInputException(Map.of("leaderInstruction", "complaint.instruction.required"));
		}
		String old = c.leaderInstruction;
		c.leaderInstruction = instruction.strip();
		c.leaderId = currentStaffId();
		c.instructedAt = BusinessClock.now();
		perform(c, decision, approve ? null : Texts.zh("complaint.history.sentBack"));
		touch(c);
		complaints.saveAndFlush(c);
		fieldChange(c, "leaderInstruction", old, c.leaderInstruction);
		search.index(c.id);
		notify(List.of(c.handlerId), Texts.zh("complaint.notify.instructed", c.code), abbreviate(c.leaderInstruction), c);
	}

	/** 回复: what the owner was told, and how. */
	@Transactional
	public void reply(long id, String content, String way, long version) {
		Complaint c = load(id, version);
		requireHandlerOrManager(c);
		c.check(ComplaintAction.REPLY);
		if (content == null || content.isBlank()) {
			throw new InvalidInputException(Map.of("replyContent", "complaint.reply.required"));
		}
		c.replyContent = content.strip();
		c.replyWay = blankToNull(way);
		c.repliedAt = BusinessClock.now();
		perform(c, ComplaintAction.REPLY, null);
		touch(c);
		complaints.saveAndFlush(c);
		fieldChange(c, "replyContent", "", c.replyContent);
		search.index(c.id);
		events.publishEvent(new ComplaintReplied(c.id, c.code, c.projectId, c.ownerId, c.unitId, c.complainant,
				c.contactPhone, c.handlerId));
	}

	/**
	 * 回访: the owner satisfied moves the complaint on to closing; not satisfied reopens it (重新打开) with new time
	 * limits, to the same owner of the case.
	 */
	@Transactional
	public void returnVisit(long id, boolean satisfied, String result, long version) {
		Complaint c = load(id, version);
		requirePermission(HANDLE);
		c.check(satisfied ? ComplaintAction.RETURN_CALL : ComplaintAction.REOPEN);
		if (result == null || result.isBlank()) {
			throw new InvalidInputException(Map.of("returnResult", "complaint.returnResult.required"));
		}
		c.returnSatisfied = satisfied;
		c.returnResult = result.strip();
		if (satisfied) {
			perform(c, ComplaintAction.RETURN_CALL, Texts.zh("complaint.history.satisfied"));
		}
		else {
			c.reopenCount++;
			c.repliedAt = null;
			c.replyWarnedAt = null;
			c.replyEscalatedAt = null;
			c.closeWarnedAt = null;
			c.closeEscalatedAt = null;
			rules.schedule(c, BusinessClock.now());
			c.acknowledgedAt = BusinessClock.now();
			perform(c, ComplaintAction.REOPEN, Texts.zh("complaint.history.reopened"));
			history.add(c.id, c.version + 1, actor(), "REOPENED", null, null, null, c.returnResult);
			notify(List.of(c.handlerId), Texts.zh("complaint.notify.reopened", c.code), c.returnResult, c);
		}
		touch(c);
		complaints.saveAndFlush(c);
		fieldChange(c, "returnResult", "", c.returnResult);
		search.index(c.id);
		events.publishEvent(new ComplaintReturnVisited(c.id, satisfied));
	}

	/** 关闭: needs the satisfied return call and the lesson learned (及时总结经验). */
	@Transactional
	public void close(long id, String lesson, long version) {
		Complaint c = load(id, version);
		requireHandlerOrManager(c);
		c.check(ComplaintAction.CLOSE);
		if (lesson == null || lesson.isBlank()) {
			throw new InvalidInputException(Map.of("lesson", "complaint.lesson.required"));
		}
		c.lesson = lesson.strip();
		c.closedAt = BusinessClock.now();
		perform(c, ComplaintAction.CLOSE, null);
		touch(c);
		complaints.saveAndFlush(c);
		fieldChange(c, "lesson", "", c.lesson);
		search.index(c.id);
	}

	/** 转交: only a manager hands a complaint to someone else, with a reason kept in the history. */
	@Transactional
	public void transfer(long id, long handlerId, String reason, long version) {
		if (!permissions.has(TRANSFER)) {
			throw new BusinessRuleException("complaint.transfer.managerOnly");
		}
		Complaint c = load(id, version);
		c.check(ComplaintAction.TRANSFER);
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException(Map.of("reason", "complaint.transfer.reasonRequired"));
		}
		if (staff.byId(handlerId).filter(StaffManagement.StaffSummary::enabled).isEmpty()) {
			throw new InvalidInputException(Map.of("handlerId", "complaint.receiver.unknown"));
		}
		if (handlerId == c.handlerId) {
			throw new InvalidInputException(Map.of("handlerId", "complaint.transfer.same"));
		}
		Map<Long, String> names = staff.displayNames();
		String old = names.get(c.handlerId);
		c.handlerId = handlerId;
		touch(c);
		complaints.saveAndFlush(c);
		history.add(c.id, c.version, actor(), "TRANSFERRED", "handlerId", old, names.get(handlerId), reason.strip());
		notify(List.of(handlerId), Texts.zh("complaint.notify.transferred", c.code), Texts.zh("complaint.notify.transferred.body", reason.strip()), c);
	}

	/** 约时处理: the time agreed with the owner; the owner of the case is reminded before it comes. */
	@Transactional
	public void appoint(long id, LocalDateTime at, String note, long version) {
		Complaint c = load(id, version);
		requireHandlerOrManager(c);
		c.check(ComplaintAction.APPOINT);
		if (at == null) {
			throw new InvalidInputException(Map.of("appointmentAt", "complaint.appointment.required"));
		}
		Instant when = at.atZone(BusinessClock.ZONE).toInstant();
		if (when.isBefore(BusinessClock.now().minusSeconds(60))) {
			throw new InvalidInputException(Map.of("appointmentAt", "complaint.appointment.past"));
		}
		String old = c.appointmentAt == null ? null : format(c.appointmentAt);
		c.appointmentAt = when;
		c.appointmentNote = blankToNull(note);
		c.appointmentRemindedAt = null;
		touch(c);
		complaints.saveAndFlush(c);
		history.add(c.id, c.version, actor(), "APPOINTMENT", "appointmentAt", old, format(when), c.appointmentNote);
	}

	/** Waiting for the owner pauses the time limits; resuming pushes them back by the working time waited. */
	@Transactional
	public void setWaiting(long id, boolean waiting, long version) {
		Complaint c = load(id, version);
		requireHandlerOrManager(c);
		c.check(waiting ? ComplaintAction.PAUSE : ComplaintAction.RESUME);
		if (waiting == (c.waitingSince != null)) {
			return;
		}
		if (waiting) {
			c.waitingSince = BusinessClock.now();
		}
		else {
			rules.resume(c, BusinessClock.now());
		}
		touch(c);
		complaints.saveAndFlush(c);
		history.add(c.id, c.version, actor(), waiting ? "PAUSED" : "RESUMED", null, null, null, null);
	}

	private void resumeIfWaiting(Complaint c) {
		if (c.waitingSince != null) {
			rules.resume(c, BusinessClock.now());
			history.add(c.id, c.version + 1, actor(), "RESUMED", null, null, null, null);
		}
	}

	/** Photos and documents, checked by their content (see {@link Uploads}); recorded in the history. */
	@Transactional
	public void attach(long id, MultipartFile file) {
		Complaint c = get(id);
		requireHandlerOrManager(c);
		c.check(ComplaintAction.ATTACH);
		Uploads.Checked checked = uploads.check(Uploads.Kind.ATTACHMENT, file, "file");
		jdbc.update("""
				insert into complaint_attachment (complaint_id, file_name, content_type, size_bytes, data, uploaded_by,
				  content_checked)
				values (?, ?, ?, ?, ?, ?, true)""", c.id, checked.fileName(), checked.contentType(), checked.size(),
				checked.data(), actor());
		touch(c);
		complaints.saveAndFlush(c);
		history.add(c.id, c.version, actor(), "ATTACHMENT", null, null, checked.fileName(), null);
	}

	/** 群诉: another owner or unit this complaint speaks for. */
	@Transactional
	public void addParty(long id, Long ownerId, Long unitId, long version) {
		Complaint c = load(id, version);
		requireHandlerOrManager(c);
		c.check(ComplaintAction.ADD_PARTY);
		String name;
		if (ownerId != null) {
			name = archive.owner(ownerId).map(ArchiveLookup.OwnerRef::name)
				.orElseThrow(() -> new InvalidInputException(Map.of("ownerId", "complaint.owner.unknown")));
		}
		else if (unitId != null) {
			name = archive.unit(unitId).map(ArchiveLookup.UnitRef::label)
				.orElseThrow(() -> new InvalidInputException(Map.of("unitId", "complaint.unit.unknown")));
		}
		else {
			throw new InvalidInputException(Map.of("ownerId", "complaint.party.required"));
		}
		jdbc.update("insert into complaint_party (complaint_id, owner_id, unit_id, name) values (?, ?, ?, ?)", c.id, ownerId,
				unitId, name);
		boolean becameGroup = !c.groupCase;
		c.groupCase = true;
		touch(c);
		complaints.saveAndFlush(c);
		history.add(c.id, c.version, actor(), "PARTY", null, null, name, null);
		if (becameGroup) {
			notifyManagers(c, Texts.zh("complaint.notify.group", c.code), abbreviate(c.content));
		}
	}

	/**
	 * 群诉: links another complaint about the same matter to this one, so they are handled as one group; the other
	 * complaint keeps its own record and history and shows the group it belongs to.
	 */
	@Transactional
	public void mergeIntoGroup(long id, String otherCode, long version) {
		Complaint c = load(id, version);
		requireHandlerOrManager(c);
		c.check(ComplaintAction.GROUP);
		if (otherCode == null || otherCode.isBlank()) {
			throw new InvalidInputException(Map.of("otherCode", "complaint.group.codeRequired"));
		}
		Long otherId = jdbc.queryForList("select id from complaint where code = ?", Long.class, otherCode.strip()).stream()
			.findFirst().orElseThrow(() -> new InvalidInputException(Map.of("otherCode", "complaint.group.unknown")));
		if (otherId == id) {
			throw new InvalidInputException(Map.of("otherCode", "complaint.group.self"));
		}
		Complaint other = get(otherId);
		if (other.groupId != null || c.groupId != null) {
			throw new BusinessRuleException("complaint.group.already");
		}
		if (!Objects.equals(other.projectId, c.projectId)) {
			throw new InvalidInputException(Map.of("otherCode", "complaint.group.otherProject"));
		}
		boolean becameGroup = !c.groupCase;
		c.groupCase = true;
		touch(c);
		complaints.saveAndFlush(c);
		history.add(c.id, c.version, actor(), "GROUPED", null, null, other.code, null);
		other.groupId = c.id;
		other.groupCase = true;
		touch(other);
		complaints.saveAndFlush(other);
		history.add(other.id, other.version, actor(), "GROUPED", null, null, c.code, Texts.zh("complaint.history.grouped"));
		if (becameGroup) {
			notifyManagers(c, Texts.zh("complaint.notify.group", c.code), abbreviate(c.content));
		}
	}

	// ---------------------------------------------------------------- for other modules

	/**
	 * A complaint taken by another module's screen (a phone call, a visit): the 投诉处理单's intake fields. The
	 * current user is the 接报人 and owns the case.
	 */
	public record Intake(Long projectId, String complainant, java.time.LocalDateTime complainedAt, Long unitId, Long ownerId,
			String contactPhone, Channel channel, Long categoryId, Severity severity, String content, String remedy) {
	}

	/** 受理 from another module; the same checks as the intake form (refused with messages by field). */
	@Transactional
	public long receive(Intake in) {
		java.util.Map<String, String> errors = new LinkedHashMap<>();
		if (in.projectId() == null) {
			errors.put("projectId", "complaint.project.required");
		}
		if (in.complainant() == null || in.complainant().isBlank()) {
			errors.put("complainant", "complaint.complainant.required");
		}
		if (in.categoryId() == null) {
			errors.put("categoryId", "complaint.category.required");
		}
		if (in.content() == null || in.content().isBlank()) {
			errors.put("content", "complaint.content.required");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		java.time.LocalDateTime at = in.complainedAt() != null ? in.complainedAt()
				: BusinessClock.localNowToMinute();
		return receive(new IntakeForm(in.projectId(), at.toLocalDate(), in.complainant().strip(), at, in.unitId(), in.ownerId(),
				in.contactPhone(), null, in.channel() == null ? Channel.PHONE : in.channel(), in.categoryId(),
				in.severity() == null ? Severity.GENERAL : in.severity(), false, in.content().strip(),
				in.remedy() == null ? "" : in.remedy()));
	}

	/** A complaint category, for other modules' intake screens. */
	public record CategoryRef(long id, String name) {
	}

	@Transactional(readOnly = true)
	public List<CategoryRef> categories() {
		return jdbc.query("select id, name from complaint_category where active order by sort_order, id",
				(rs, i) -> new CategoryRef(rs.getLong(1), rs.getString(2)));
	}

	/** What another module may read of a complaint, e.g. to raise a repair work order from it. */
	public record ComplaintSummary(long id, String code, long projectId, Long unitId, Long ownerId, String complainant,
			String contactPhone, String content, ComplaintState state, long version) {
	}

	@Transactional(readOnly = true)
	public java.util.Optional<ComplaintSummary> summary(long id) {
		return complaints.findById(id).map(c -> new ComplaintSummary(c.id, c.code, c.projectId, c.unitId, c.ownerId,
				c.complainant, c.contactPhone, c.content, c.state, c.version));
	}

	/**
	 * A repair work order was raised from the complaint: recorded in its history, and a complaint still at 受理 is
	 * now being handled.
	 */
	@Transactional
	public void repairOrdered(long id, String workOrderCode) {
		repairOrdered(id, workOrderCode, actor());
	}

	/** {@link #repairOrdered(long, String)} on behalf of the one who raised the work order (for event listeners). */
	@Transactional
	public void repairOrdered(long id, String workOrderCode, String actor) {
		Complaint c = get(id);
		c.check(ComplaintAction.RAISE_WORK_ORDER);
		perform(c, ComplaintAction.RAISE_WORK_ORDER, null, actor);
		if (c.acknowledgedAt == null) {
			c.acknowledgedAt = BusinessClock.now();
		}
		touch(c);
		complaints.saveAndFlush(c);
		history.add(c.id, c.version, actor, "REPAIR", null, null, workOrderCode, null);
	}

	/**
	 * Every repair work order raised from the complaint is done: a complaint still being handled moves on to 待回复 (or
	 * to 待领导批示 when its rules ask for an instruction). The repairs become its 整改措施 when none was written.
	 */
	@Transactional
	public void repairsDone(long id, String summary) {
		repairsDone(id, summary, actor());
	}

	/** {@link #repairsDone(long, String)} on behalf of the one who accepted the last work order (for event listeners). */
	@Transactional
	public void repairsDone(long id, String summary, String actor) {
		Complaint c = get(id);
		ComplaintAction submit = submitAction(c);
		if (!ComplaintTransitions.allows(c.state, submit)) {
			history.add(c.id, c.version, actor, "REPAIRS_DONE", null, null, null, summary);
			return;
		}
		String old = c.correctiveAction;
		if (c.correctiveAction.isBlank()) {
			c.correctiveAction = summary;
		}
		handled(c, submit, summary, actor);
		if (!Objects.equals(nz(old), nz(c.correctiveAction))) {
			history.add(c.id, c.version, actor, "FIELD", "correctiveAction", old, c.correctiveAction, null);
		}
		search.index(c.id);
		notify(List.of(c.handlerId), Texts.zh("complaint.notify.repairsDone", c.code), summary, c);
	}

	// ---------------------------------------------------------------- helpers

	Complaint get(long id) {
		return complaints.findById(id).orElseThrow(() -> new NotFoundException("complaint.notFound"));
	}

	/** Loads the complaint for a change based on the given version; refuses with what changed meanwhile. */
	private Complaint load(long id, long version) {
		Complaint c = get(id);
		if (c.version != version) {
			throw new ComplaintConflict(history.since(id, version));
		}
		return c;
	}

	private void touch(Complaint c) {
		c.updatedAt = BusinessClock.now();
	}

	/** The entity takes the table's transition; a change of state is an entry in the history. */
	private void perform(Complaint c, ComplaintAction action, String note) {
		perform(c, action, note, actor());
	}

	private void perform(Complaint c, ComplaintAction action, String note, String actor) {
		ComplaintState from = c.perform(action);
		if (from != c.state) {
			// the entity's version goes up by one when this transaction flushes
			history.add(c.id, c.version + 1, actor, "STATE", "state", from.name(), c.state.name(), note);
		}
	}

	void fieldChange(Complaint c, String field, String oldValue, String newValue) {
		if (!Objects.equals(nz(oldValue), nz(newValue))) {
			history.add(c.id, c.version, actor(), "FIELD", field, oldValue, newValue, null);
		}
	}

	private void requirePermission(String code) {
		if (!permissions.has(code)) {
			throw new org.springframework.security.access.AccessDeniedException(code);
		}
	}

	/** 谁受理，谁跟进，谁回复: the owner of the case acts on it; a manager may step in. */
	private void requireHandlerOrManager(Complaint c) {
		requirePermission(HANDLE);
		if (permissions.has(MANAGE)) {
			return;
		}
		if (!Objects.equals(c.handlerId, currentStaffId())) {
			throw new BusinessRuleException(null, "complaint.notYours", staff.displayNames().get(c.handlerId));
		}
	}

	/** Whether the current user may act on a complaint owned by this staff member (谁受理，谁跟进). */
	boolean mayAct(long handlerId) {
		return permissions.has(HANDLE) && (permissions.has(MANAGE) || Objects.equals(handlerId, currentStaffIdOrNull()));
	}

	/**
	 * What the current user may do to the complaint now: the transition table's actions for its state, narrowed by
	 * who may take each (the same rules the actions check) and to the one submit its rules choose.
	 */
	@Transactional(readOnly = true)
	public java.util.Set<ComplaintAction> allowedActions(long id) {
		Complaint c = get(id);
		boolean mayAct = mayAct(c.handlerId);
		ComplaintAction submit = submitAction(c);
		java.util.Set<ComplaintAction> allowed = java.util.EnumSet.noneOf(ComplaintAction.class);
		for (ComplaintAction a : c.allowedActions()) {
			boolean may = switch (a.who()) {
				case CASE_OWNER -> mayAct;
				case HANDLER -> permissions.has(HANDLE);
				case LEADER -> permissions.has(INSTRUCT);
				case MANAGER -> permissions.has(TRANSFER);
				case OTHER_MODULE -> false;
			};
			boolean otherSubmit = (a == ComplaintAction.SUBMIT || a == ComplaintAction.SUBMIT_FOR_INSTRUCTION) && a != submit;
			if (may && !otherSubmit) {
				allowed.add(a);
			}
		}
		return java.util.Collections.unmodifiableSet(allowed);
	}

	private long currentStaffId() {
		return permissions.currentStaffId().orElseThrow(() -> new BusinessRuleException("complaint.noStaff"));
	}

	private Long currentStaffIdOrNull() {
		return permissions.currentStaffId().orElse(null);
	}

	private String actor() {
		return permissions.currentUsername();
	}

	private void notifyManagers(Complaint c, String title, String body) {
		List<Long> managers = staff.idsWithPermission(ESCALATION);
		notify(managers, title, body, c);
	}

	private void notify(List<Long> recipients, String title, String body, Complaint c) {
		if (!recipients.isEmpty()) {
			events.publishEvent(new StaffNotification(recipients, title, body, "/complaints/" + c.id));
		}
	}

	static String abbreviate(String s) {
		if (s == null) {
			return "";
		}
		return s.length() <= 80 ? s : s.substring(0, 80) + "…";
	}

	static String format(Instant i) {
		return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BusinessClock.ZONE).format(i);
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

	private static String nz(String s) {
		return s == null ? "" : s.strip();
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	/** The editable fields before a change, to record each one that changed. */
	private static final class Snapshot {

		private final Map<String, String> values;

		Snapshot(Complaint c) {
			this.values = values(c);
		}

		static Map<String, String> values(Complaint c) {
			Map<String, String> m = new LinkedHashMap<>();
			m.put("projectId", String.valueOf(c.projectId));
			m.put("complaintDate", String.valueOf(c.complaintDate));
			m.put("complainant", c.complainant);
			m.put("complainedAt", c.complainedAt == null ? null : format(c.complainedAt));
			m.put("unitId", c.unitId == null ? null : String.valueOf(c.unitId));
			m.put("ownerId", c.ownerId == null ? null : String.valueOf(c.ownerId));
			m.put("contactPhone", c.contactPhone);
			m.put("receiverId", String.valueOf(c.receiverId));
			m.put("channel", c.channel == null ? null : c.channel.name());
			m.put("categoryId", String.valueOf(c.categoryId));
			m.put("severity", c.severity == null ? null : c.severity.name());
			m.put("groupCase", String.valueOf(c.groupCase));
			m.put("content", c.content);
			m.put("remedy", c.remedy);
			m.put("causeType", c.causeType);
			m.put("causeAnalysis", c.causeAnalysis);
			m.put("correctiveAction", c.correctiveAction);
			m.put("handlingOpinion", c.handlingOpinion);
			return m;
		}

		/** Compares the stored values (ids, codes); the history shows what staff read (names, the home's label). */
		void recordChanges(Complaint c, ComplaintManagement m) {
			m.complaints.saveAndFlush(c);
			values(c).forEach((field, now) -> {
				String before = values.get(field);
				if (!Objects.equals(nz(before), nz(now))) {
					m.history.add(c.id, c.version, m.actor(), "FIELD", field, m.shown(field, before), m.shown(field, now), null);
				}
			});
		}

	}

}
