package io.estatedesk.complaint;

/**
 * Everything a user (or another module) can do to a complaint. Which actions a state allows, and where each one
 * leads, is decided in {@link ComplaintTransitions} only; pages, API and the facade ask it.
 */
public enum ComplaintAction {

	/** 修改受理信息 */
	EDIT_INTAKE(Who.CASE_OWNER, "complaint.edit.locked", null, null),
	/** 原因分析、整改措施、处理意见 */
	ANALYSE(Who.CASE_OWNER, "complaint.analysis.locked", null, null),
	/** 跟进记录 */
	FOLLOW_UP(Who.CASE_OWNER, "complaint.closed", null, null),
	/** 处理完毕，提交 (转待回复) */
	SUBMIT(Who.CASE_OWNER, "complaint.state.invalid", "submit", null),
	/** 处理完毕，报领导批示 (when the rules ask for an instruction) */
	SUBMIT_FOR_INSTRUCTION(Who.CASE_OWNER, "complaint.state.invalid", "submit", null),
	/** 领导批示：同意，转待回复 */
	INSTRUCT(Who.LEADER, "complaint.instruction.notPending", "instruction", Boolean.TRUE),
	/** 领导批示：退回重新处理 */
	SEND_BACK(Who.LEADER, "complaint.instruction.notPending", "instruction", Boolean.FALSE),
	/** 回复业主 */
	REPLY(Who.CASE_OWNER, "complaint.reply.notPending", "reply", null),
	/** 回访：业主满意 */
	RETURN_CALL(Who.HANDLER, "complaint.returnVisit.notReplied", "return-visit", Boolean.TRUE),
	/** 回访：业主不满意，重新打开 */
	REOPEN(Who.HANDLER, "complaint.returnVisit.notReplied", "return-visit", Boolean.FALSE),
	/** 关闭 (with the lesson learned) */
	CLOSE(Who.CASE_OWNER, "complaint.close.needsReturnVisit", "close", null),
	/** 转交 */
	TRANSFER(Who.MANAGER, "complaint.closed", "transfer", null),
	/** 约时处理 */
	APPOINT(Who.CASE_OWNER, "complaint.closed", "appointment", null),
	/** 等待业主，暂停计时 */
	PAUSE(Who.CASE_OWNER, "complaint.state.invalid", "wait", null),
	/** 恢复计时 */
	RESUME(Who.CASE_OWNER, "complaint.state.invalid", "resume", null),
	/** 上传附件 */
	ATTACH(Who.CASE_OWNER, "complaint.closed", null, null),
	/** 群诉：添加共同投诉的业主 */
	ADD_PARTY(Who.CASE_OWNER, "complaint.closed", null, null),
	/** 群诉：并入同一事项的其他投诉 */
	GROUP(Who.CASE_OWNER, "complaint.closed", null, null),
	/** 派维修工单 (the repair module raised a work order from the complaint) */
	RAISE_WORK_ORDER(Who.OTHER_MODULE, "complaint.closed", null, null);

	/** Who may take the action, besides the state allowing it. */
	enum Who {

		/** 谁受理，谁跟进，谁回复: the complaint's handler, or a manager (COMPLAINT_MANAGE) stepping in */
		CASE_OWNER,
		/** anyone who handles complaints (COMPLAINT_HANDLE), e.g. the return call made by the service centre */
		HANDLER,
		/** a company leader (COMPLAINT_INSTRUCT) */
		LEADER,
		/** a department manager (COMPLAINT_TRANSFER) */
		MANAGER,
		/** never from the complaint's own pages */
		OTHER_MODULE

	}

	private final Who who;

	private final String refusal;

	private final String path;

	private final Boolean yes;

	ComplaintAction(Who who, String refusal, String path, Boolean yes) {
		this.who = who;
		this.refusal = refusal;
		this.path = path;
		this.yes = yes;
	}

	/**
	 * The name of the action in the API ({@code POST /api/v1/complaints/{id}/actions/{path}}), null for an action
	 * taken with its own form or file; two actions share a path when {@link #yes()} tells them apart.
	 */
	String path() {
		return path;
	}

	/** For a two-way decision on one path (领导批示 同意/退回, 回访 满意/不满意): the {@code yes} that chooses it. */
	Boolean yes() {
		return yes;
	}

	/** The action the API names by its path and, for a decision, {@code yes} (absent = yes). */
	static java.util.Optional<ComplaintAction> ofPath(String path, Boolean yes) {
		boolean y = !Boolean.FALSE.equals(yes);
		return java.util.Arrays.stream(values())
			.filter(a -> a.path != null && a.path.equals(path) && (a.yes == null || a.yes == y))
			.findFirst();
	}

	Who who() {
		return who;
	}

	/** The message key a refusal shows when the complaint's state does not allow the action. */
	String refusal() {
		return refusal;
	}

}
