package io.estatedesk.complaint;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Everything that happens to a complaint, under the charter's rules: the receiver owns it to the reply (谁受理，谁跟进，
 * 谁回复), only a manager transfers it, every change is a history entry, and a stale edit is refused with what changed.
 *
 * <p>The facade of the module: one transaction per call, the work done by {@link ComplaintIntake} (受理 and the
 * sheet's fields), {@link ComplaintWorkflow} (the actions of the transition table) and {@link ComplaintGroups} (群诉).
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

	private final ComplaintIntake intake;

	private final ComplaintWorkflow workflow;

	private final ComplaintGroups groups;

	private final ComplaintAccess access;

	private final ComplaintRepository complaints;

	private final JdbcTemplate jdbc;

	ComplaintManagement(ComplaintIntake intake, ComplaintWorkflow workflow, ComplaintGroups groups, ComplaintAccess access,
			ComplaintRepository complaints, JdbcTemplate jdbc) {
		this.intake = intake;
		this.workflow = workflow;
		this.groups = groups;
		this.access = access;
		this.complaints = complaints;
		this.jdbc = jdbc;
	}

	// ---------------------------------------------------------------- the 投诉处理单

	/** 受理: records a new complaint; the receiver (接报人) becomes its owner. Returns its ID. */
	@Transactional
	public long receive(IntakeForm form) {
		return intake.receive(form);
	}

	/** Corrects the intake fields while the complaint is still being handled. */
	@Transactional
	public void editIntake(long id, IntakeForm form, long version) {
		intake.edit(id, form, version);
	}

	/** 原因分析, 整改措施, 处理意见 — by the complaint's owner or a manager. */
	@Transactional
	public void saveAnalysis(long id, AnalysisForm form, long version) {
		intake.analyse(id, form, version);
	}

	// ---------------------------------------------------------------- handling

	/** 跟进记录: time, way of contact, what was said or done. The first one acknowledges the complaint. */
	@Transactional
	public void addFollowup(long id, FollowupForm form) {
		workflow.followUp(id, form);
	}

	/** 处理完毕，提交: to 待领导批示 when the rules ask for an instruction, otherwise to 待回复. */
	@Transactional
	public void submit(long id, long version) {
		workflow.submit(id, version);
	}

	/**
	 * 处理完毕，提交 from the analysis form: what it carries is saved first, in the same transaction — a refusal
	 * (a text still missing) saves nothing and the page keeps what was typed.
	 */
	@Transactional
	public void submit(long id, AnalysisForm analysis, long version) {
		intake.analyse(id, analysis, version);
		workflow.submit(id, complaints.findById(id).orElseThrow().version);
	}

	/** 领导批示: approve (to 待回复) or send back (to 处理中), with the instruction text. */
	@Transactional
	public void instruct(long id, String instruction, boolean approve, long version) {
		workflow.instruct(id, instruction, approve, version);
	}

	/** 回复: what the owner was told, and how. */
	@Transactional
	public void reply(long id, String content, String way, long version) {
		workflow.reply(id, content, way, version);
	}

	/** 回访: satisfied moves on to closing; not satisfied reopens the complaint with new time limits. */
	@Transactional
	public void returnVisit(long id, boolean satisfied, String result, long version) {
		workflow.returnCall(id, satisfied, result, version);
	}

	/** 关闭: needs the satisfied return call and the lesson learned (及时总结经验). */
	@Transactional
	public void close(long id, String lesson, long version) {
		workflow.close(id, lesson, version);
	}

	/** 转交: only a manager hands a complaint to someone else, with a reason kept in the history. */
	@Transactional
	public void transfer(long id, long handlerId, String reason, long version) {
		workflow.transfer(id, handlerId, reason, version);
	}

	/** 约时处理: the time agreed with the owner; the owner of the case is reminded before it comes. */
	@Transactional
	public void appoint(long id, LocalDateTime at, String note, long version) {
		workflow.appoint(id, at, note, version);
	}

	/** Waiting for the owner pauses the time limits; resuming pushes them back by the working time waited. */
	@Transactional
	public void setWaiting(long id, boolean waiting, long version) {
		workflow.setWaiting(id, waiting, version);
	}

	/** Photos and documents, checked by their content; recorded in the history. */
	@Transactional
	public void attach(long id, MultipartFile file) {
		workflow.attach(id, file);
	}

	/** 群诉: another owner or unit this complaint speaks for. */
	@Transactional
	public void addParty(long id, Long ownerId, Long unitId, long version) {
		groups.addParty(id, ownerId, unitId, version);
	}

	/** 群诉: links another complaint about the same matter to this one. */
	@Transactional
	public void mergeIntoGroup(long id, String otherCode, long version) {
		groups.merge(id, otherCode, version);
	}

	/** What an action of the API carries; which fields apply depends on the action. */
	record ActionInput(String text, String way, Long handlerId, LocalDateTime at) {
	}

	/**
	 * Takes one action of the transition table with its input, as the API names it — the same methods the pages
	 * call. Actions taken only on the pages (with a form or a file) are not taken here.
	 */
	@Transactional
	public void perform(long id, ComplaintAction action, ActionInput in, long version) {
		switch (action) {
			case SUBMIT, SUBMIT_FOR_INSTRUCTION -> workflow.submit(id, version);
			case INSTRUCT, SEND_BACK -> workflow.instruct(id, in.text(), action == ComplaintAction.INSTRUCT, version);
			case REPLY -> workflow.reply(id, in.text(), in.way(), version);
			case RETURN_CALL, REOPEN -> workflow.returnCall(id, action == ComplaintAction.RETURN_CALL, in.text(), version);
			case CLOSE -> workflow.close(id, in.text(), version);
			case TRANSFER -> {
				if (in.handlerId() == null) {
					throw new BusinessRuleException("handlerId", "complaint.receiver.unknown");
				}
				workflow.transfer(id, in.handlerId(), in.text(), version);
			}
			case APPOINT -> workflow.appoint(id, in.at(), in.text(), version);
			case PAUSE, RESUME -> workflow.setWaiting(id, action == ComplaintAction.PAUSE, version);
			case EDIT_INTAKE, ANALYSE, FOLLOW_UP, ATTACH, ADD_PARTY, GROUP, RAISE_WORK_ORDER ->
				throw new NotFoundException("complaint.api.unknownAction");
		}
	}

	/**
	 * What the current user may do to the complaint now: the transition table's actions for its state, narrowed by
	 * who may take each and to the one submit its rules choose.
	 */
	@Transactional(readOnly = true)
	public Set<ComplaintAction> allowedActions(long id) {
		return workflow.allowedActions(id);
	}

	/** Whether the current user may act on a complaint owned by this staff member (谁受理，谁跟进). */
	boolean mayAct(long handlerId) {
		return access.mayAct(handlerId);
	}

	// ---------------------------------------------------------------- for other modules

	/**
	 * A complaint taken by another module's screen (a phone call, a visit): the 投诉处理单's intake fields. The
	 * current user is the 接报人 and owns the case.
	 */
	public record Intake(Long projectId, String complainant, LocalDateTime complainedAt, Long unitId, Long ownerId,
			String contactPhone, Channel channel, Long categoryId, Severity severity, String content, String remedy) {
	}

	/** 受理 from another module; the same checks as the intake form (refused with messages by field). */
	@Transactional
	public long receive(Intake in) {
		return intake.receive(in);
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
	public Optional<ComplaintSummary> summary(long id) {
		return complaints.findById(id).map(c -> new ComplaintSummary(c.id, c.code, c.projectId, c.unitId, c.ownerId,
				c.complainant, c.contactPhone, c.content, c.state, c.version));
	}

	/** A repair work order was raised from the complaint, on behalf of the one who raised it. */
	@Transactional
	public void repairOrdered(long id, String workOrderCode) {
		workflow.repairOrdered(id, workOrderCode, access.actor());
	}

	/** {@link #repairOrdered(long, String)} on behalf of the one who raised the work order (for event listeners). */
	@Transactional
	public void repairOrdered(long id, String workOrderCode, String actor) {
		workflow.repairOrdered(id, workOrderCode, actor);
	}

	/** Every repair work order raised from the complaint is done: a complaint being handled moves on. */
	@Transactional
	public void repairsDone(long id, String summary) {
		workflow.repairsDone(id, summary, access.actor());
	}

	/** {@link #repairsDone(long, String)} on behalf of the one who accepted the last work order (for event listeners). */
	@Transactional
	public void repairsDone(long id, String summary, String actor) {
		workflow.repairsDone(id, summary, actor);
	}

}
