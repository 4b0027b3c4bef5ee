package io.estatedesk.complaint;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.estatedesk.shared.BusinessClock;
import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.HistoryKind;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.Strings;
import io.estatedesk.shared.Texts;
import io.estatedesk.shared.Uploads;
import io.estatedesk.staff.StaffManagement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * The handling of a complaint from 跟进 to 关闭: each method takes one action of the transition table on the
 * complaint, which refuses what its state does not allow; the steps are written by the one save.
 */
@Component
class ComplaintWorkflow {

	private final ComplaintCases cases;

	private final ComplaintAccess access;

	private final ComplaintNotices notices;

	private final ComplaintRules rules;

	private final StaffManagement staff;

	private final Uploads uploads;

	private final JdbcTemplate jdbc;

	ComplaintWorkflow(ComplaintCases cases, ComplaintAccess access, ComplaintNotices notices, ComplaintRules rules,
			StaffManagement staff, Uploads uploads, JdbcTemplate jdbc) {
		this.cases = cases;
		this.access = access;
		this.notices = notices;
		this.rules = rules;
		this.staff = staff;
		this.uploads = uploads;
		this.jdbc = jdbc;
	}

	/** 跟进记录: time, way of contact, what was said or done. The first one acknowledges the complaint. */
	void followUp(long id, FollowupForm form) {
		Complaint c = cases.get(id);
		access.requireHandlerOrManager(c);
		c.check(ComplaintAction.FOLLOW_UP);
		Instant at = form.occurredAt() == null ? BusinessClock.now() : form.occurredAt().atZone(BusinessClock.ZONE).toInstant();
		jdbc.update("insert into complaint_followup (complaint_id, occurred_at, actor, way, content) values (?, ?, ?, ?, ?)",
				c.id, java.sql.Timestamp.from(at), access.actor(), form.way().strip(), form.content().strip());
		c.acknowledge(ComplaintAction.FOLLOW_UP);
		c.step(HistoryKind.FOLLOWUP, null, null, null, form.way().strip() + "：" + ComplaintNotices.quote(form.content()));
		cases.saveAndIndex(c, access.actor());
	}

	/** 处理完毕，提交: to 待领导批示 when the rules ask for an instruction, otherwise to 待回复. */
	void submit(long id, long version) {
		Complaint c = cases.load(id, version);
		access.requireHandlerOrManager(c);
		ComplaintAction submit = submitAction(c);
		c.check(submit);
		Map<String, String> missing = missingAnalysis(c);
		if (!missing.isEmpty()) {
			throw new InvalidInputException(missing);
		}
		handled(c, submit, null);
		cases.save(c, access.actor());
		toldOfSubmit(c, submit);
	}

	/** 处理完毕: 报领导批示 when the rules ask for an instruction, otherwise 提交 (to 待回复). */
	ComplaintAction submitAction(Complaint c) {
		return rules.rule(c.categoryId, c.severity).needsInstruction() ? ComplaintAction.SUBMIT_FOR_INSTRUCTION
				: ComplaintAction.SUBMIT;
	}

	/** Handling is done: the submit action the rules chose takes the complaint on (timing resumed first). */
	private void handled(Complaint c, ComplaintAction submit, String note) {
		resumeIfWaiting(c);
		if (c.acknowledgedAt == null) {
			c.acknowledgedAt = BusinessClock.now();
		}
		c.repairsDoneAt = null;
		c.perform(submit, note);
	}

	private void toldOfSubmit(Complaint c, ComplaintAction submit) {
		if (submit == ComplaintAction.SUBMIT_FOR_INSTRUCTION) {
			notices.tellPermitted(ComplaintManagement.INSTRUCTION_NOTICE, c, ComplaintNotices.quote(c.content),
					"complaint.notify.pendingInstruction", c.code);
		}
	}

	/** 领导批示: approve (to 待回复) or send back (to 处理中), with the instruction text. */
	void instruct(long id, String instruction, boolean approve, long version) {
		Complaint c = cases.load(id, version);
		access.require(ComplaintManagement.INSTRUCT);
		ComplaintAction decision = approve ? ComplaintAction.INSTRUCT : ComplaintAction.SEND_BACK;
		c.check(decision);
		if (instruction == null || instruction.isBlank()) {
			throw new InvalidInputException(Map.of("leaderInstruction", "complaint.instruction.required"));
		}
		String old = c.leaderInstruction;
		c.leaderInstruction = instruction.strip();
		c.leaderId = access.staffId();
		c.instructedAt = BusinessClock.now();
		c.perform(decision, approve ? null : Texts.zh("complaint.history.sentBack"));
		c.steps.field("leaderInstruction", old, c.leaderInstruction);
		cases.saveAndIndex(c, access.actor());
		notices.tell(List.of(c.handlerId), c, ComplaintNotices.quote(c.leaderInstruction), "complaint.notify.instructed", c.code);
	}

	/** 回复: what the owner was told, and how. */
	void reply(long id, String content, String way, long version) {
		Complaint c = cases.load(id, version);
		access.requireHandlerOrManager(c);
		c.check(ComplaintAction.REPLY);
		if (content == null || content.isBlank()) {
			throw new InvalidInputException(Map.of("replyContent", "complaint.reply.required"));
		}
		c.replyContent = content.strip();
		c.replyWay = Strings.blankToNull(way);
		c.repliedAt = BusinessClock.now();
		c.perform(ComplaintAction.REPLY, null);
		c.steps.field("replyContent", "", c.replyContent);
		cases.saveAndIndex(c, access.actor());
		notices.publish(new ComplaintReplied(c.id, c.code, c.projectId, c.ownerId, c.unitId, c.complainant, c.contactPhone,
				c.handlerId));
	}

	/**
	 * 回访: the owner satisfied moves the complaint on to closing; not satisfied reopens it (重新打开) with new time
	 * limits, to the same owner of the case.
	 */
	void returnCall(long id, boolean satisfied, String result, long version) {
		Complaint c = cases.load(id, version);
		access.require(ComplaintManagement.HANDLE);
		c.check(satisfied ? ComplaintAction.RETURN_CALL : ComplaintAction.REOPEN);
		if (result == null || result.isBlank()) {
			throw new InvalidInputException(Map.of("returnResult", "complaint.returnResult.required"));
		}
		c.returnSatisfied = satisfied;
		c.returnResult = result.strip();
		if (satisfied) {
			c.perform(ComplaintAction.RETURN_CALL, Texts.zh("complaint.history.satisfied"));
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
			c.perform(ComplaintAction.REOPEN, Texts.zh("complaint.history.reopened"));
			c.step(HistoryKind.REOPENED, null, null, null, c.returnResult);
		}
		c.steps.field("returnResult", "", c.returnResult);
		cases.saveAndIndex(c, access.actor());
		if (!satisfied) {
			notices.tell(List.of(c.handlerId), c, c.returnResult, "complaint.notify.reopened", c.code);
		}
		notices.publish(new ComplaintReturnVisited(c.id, satisfied, access.actor()));
	}

	/** 关闭: needs the satisfied return call and the lesson learned (及时总结经验). */
	void close(long id, String lesson, long version) {
		Complaint c = cases.load(id, version);
		access.requireHandlerOrManager(c);
		c.check(ComplaintAction.CLOSE);
		if (lesson == null || lesson.isBlank()) {
			throw new InvalidInputException(Map.of("lesson", "complaint.lesson.required"));
		}
		c.lesson = lesson.strip();
		c.closedAt = BusinessClock.now();
		c.perform(ComplaintAction.CLOSE, null);
		c.steps.field("lesson", "", c.lesson);
		cases.saveAndIndex(c, access.actor());
	}

	/** 转交: only a manager hands a complaint to someone else, with a reason kept in the history. */
	void transfer(long id, long handlerId, String reason, long version) {
		if (!access.has(ComplaintManagement.TRANSFER)) {
			throw new BusinessRuleException("complaint.transfer.managerOnly");
		}
		Complaint c = cases.load(id, version);
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
		c.step(HistoryKind.TRANSFERRED, "handlerId", old, names.get(handlerId), reason.strip());
		cases.save(c, access.actor());
		notices.tell(List.of(handlerId), c, Texts.zh("complaint.notify.transferred.body", reason.strip()),
				"complaint.notify.transferred", c.code);
	}

	/** 约时处理: the time agreed with the owner; the owner of the case is reminded before it comes. */
	void appoint(long id, LocalDateTime at, String note, long version) {
		Complaint c = cases.load(id, version);
		access.requireHandlerOrManager(c);
		c.check(ComplaintAction.APPOINT);
		if (at == null) {
			throw new InvalidInputException(Map.of("appointmentAt", "complaint.appointment.required"));
		}
		Instant when = at.atZone(BusinessClock.ZONE).toInstant();
		if (when.isBefore(BusinessClock.now().minusSeconds(60))) {
			throw new InvalidInputException(Map.of("appointmentAt", "complaint.appointment.past"));
		}
		String old = c.appointmentAt == null ? null : Strings.minute(c.appointmentAt);
		c.appointmentAt = when;
		c.appointmentNote = Strings.blankToNull(note);
		c.appointmentRemindedAt = null;
		c.step(HistoryKind.APPOINTMENT, "appointmentAt", old, Strings.minute(when), c.appointmentNote);
		cases.save(c, access.actor());
	}

	/** Waiting for the owner pauses the time limits; resuming pushes them back by the working time waited. */
	void setWaiting(long id, boolean waiting, long version) {
		Complaint c = cases.load(id, version);
		access.requireHandlerOrManager(c);
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
		c.step(waiting ? HistoryKind.PAUSED : HistoryKind.RESUMED, null, null, null, null);
		cases.save(c, access.actor());
	}

	private void resumeIfWaiting(Complaint c) {
		if (c.waitingSince != null) {
			rules.resume(c, BusinessClock.now());
			c.step(HistoryKind.RESUMED, null, null, null, null);
		}
	}

	/** Photos and documents, checked by their content (see {@link Uploads}); recorded in the history. */
	void attach(long id, MultipartFile file) {
		Complaint c = cases.get(id);
		access.requireHandlerOrManager(c);
		c.check(ComplaintAction.ATTACH);
		Uploads.Checked checked = uploads.check(Uploads.Kind.ATTACHMENT, file, "file");
		jdbc.update("""
				insert into complaint_attachment (complaint_id, file_name, content_type, size_bytes, data, uploaded_by,
				  content_checked)
				values (?, ?, ?, ?, ?, ?, true)""", c.id, checked.fileName(), checked.contentType(), checked.size(),
				checked.data(), access.actor());
		c.step(HistoryKind.ATTACHMENT, null, null, checked.fileName(), null);
		cases.save(c, access.actor());
	}

	/**
	 * A repair work order was raised from the complaint (told by the repair module): recorded in its history, and a
	 * complaint still at 受理 is now being handled.
	 */
	void repairOrdered(long id, String workOrderCode, String actor) {
		Complaint c = cases.get(id);
		c.acknowledge(ComplaintAction.RAISE_WORK_ORDER);
		c.repairsDoneAt = null;
		c.step(HistoryKind.REPAIR, null, null, workOrderCode, null);
		cases.save(c, actor);
	}

	/**
	 * Every repair work order raised from the complaint is done. The repairs become its 整改措施 when none was written;
	 * a complaint still being handled moves on to 待回复 (or to 待领导批示 when its rules ask for an instruction) only
	 * when its 处理单 is complete — otherwise it stays 处理中, marked, and its owner is asked to complete 原因分析 and
	 * 处理意见 and submit (a message and a workbench item): no complaint reaches the reply with a blank 处理单.
	 */
	void repairsDone(long id, String summary, String actor) {
		Complaint c = cases.get(id);
		ComplaintAction submit = submitAction(c);
		if (!ComplaintTransitions.allows(c.state, submit)) {
			c.step(HistoryKind.REPAIRS_DONE, null, null, null, summary);
			cases.note(c, actor);
			return;
		}
		String old = c.correctiveAction;
		if (c.correctiveAction.isBlank()) {
			c.correctiveAction = summary;
		}
		c.steps.field("correctiveAction", old, c.correctiveAction);
		if (!missingAnalysis(c).isEmpty()) {
			c.repairsDoneAt = BusinessClock.now();
			c.step(HistoryKind.REPAIRS_DONE, null, null, null, summary);
			cases.saveAndIndex(c, actor);
			notices.tell(List.of(c.handlerId), c, Texts.zh("complaint.notify.repairsDone.completeBody", summary),
					"complaint.notify.repairsDone.complete", c.code);
			return;
		}
		handled(c, submit, summary);
		cases.saveAndIndex(c, actor);
		toldOfSubmit(c, submit);
		notices.tell(List.of(c.handlerId), c, summary, "complaint.notify.repairsDone", c.code);
	}

	/** The texts a 处理单 must have before it is submitted: field → message key of what is missing. */
	static Map<String, String> missingAnalysis(Complaint c) {
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
		return missing;
	}

	/**
	 * What the current user may do to the complaint now: the transition table's actions for its state, narrowed by
	 * who may take each (the same rules the actions check) and to the one submit its rules choose.
	 */
	Set<ComplaintAction> allowedActions(long id) {
		Complaint c = cases.get(id);
		ComplaintAction submit = submitAction(c);
		Set<ComplaintAction> allowed = EnumSet.noneOf(ComplaintAction.class);
		for (ComplaintAction a : c.allowedActions()) {
			boolean otherSubmit = (a == ComplaintAction.SUBMIT || a == ComplaintAction.SUBMIT_FOR_INSTRUCTION) && a != submit;
			if (access.mayTake(a, c) && !otherSubmit) {
				allowed.add(a);
			}
		}
		return Collections.unmodifiableSet(allowed);
	}

}
