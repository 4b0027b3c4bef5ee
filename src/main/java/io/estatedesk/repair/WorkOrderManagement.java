package io.estatedesk.repair;

import io.estatedesk.shared.BusinessClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import io.estatedesk.complaint.ComplaintManagement;
import io.estatedesk.estate.ArchiveLookup;
import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.ChangedMeanwhile;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.NotFoundException;
import io.estatedesk.shared.StaffNotification;
import io.estatedesk.shared.Uploads;
import io.estatedesk.shared.Texts;
import io.estatedesk.staff.Permissions;
import io.estatedesk.staff.StaffManagement;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * 维修工单: raised from a complaint, a call, a handover defect or directly; dispatched to a team of the engineering
 * department or a contractor; worked, accepted by the owner (or 返工), and followed by a return call. Every change
 * is a history entry; a contractor's account acts on its own work orders only.
 */
@Service
public class WorkOrderManagement {

	static final String VIEW = "REPAIR_VIEW";

	/** Sees every work order; without it a contractor's account sees only its own. */
	static final String ALL = "REPAIR_ALL";

	static final String CREATE = "REPAIR_CREATE";

	static final String DISPATCH = "REPAIR_DISPATCH";

	static final String WORK = "REPAIR_WORK";

	static final String ACCEPT = "REPAIR_ACCEPT";

	static final String MANAGE = "REPAIR_MANAGE";

	static final String EXPORT = "REPAIR_EXPORT";

	static final String SETTINGS = "REPAIR_SETTINGS";

	/** Receives overdue work orders, unsatisfied return calls and finished repairs nobody raised (部门经理 by default). */
	static final String ESCALATION = "REPAIR_ESCALATION";

	/**
	 * A new work order. Boxed types: a missing value is a message next to the field, not a failure.
	 *
	 * @param unitId the home, or null for a public area ({@code publicArea} then says where)
	 * @param component the warranty component (e.g. WET_ROOM_WATERPROOF), or null when not judged
	 * @param charge null for the warranty decision's default
	 * @param contractorId dispatch at once to this team or contractor, or null to dispatch later
	 */
	public record RaiseForm(Long projectId, Long unitId, Long ownerId, String publicArea, Long complaintId, Source source,
			Long tradeId, String component, String location, String description, Urgency urgency, String contactName,
			String contactPhone, Charge charge,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime appointmentFrom,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime appointmentTo, Long contractorId) {
	}

	private final WorkOrderRepository orders;

	private final WorkOrderHistory history;

	private final RepairRules rules;

	private final WarrantyRules warranty;

	private final Contractors contractors;

	private final JdbcTemplate jdbc;

	private final Permissions permissions;

	private final StaffManagement staff;

	private final ArchiveLookup archive;

	private final ComplaintManagement complaints;

	private final ApplicationEventPublisher events;

	private final Uploads uploads;

	WorkOrderManagement(WorkOrderRepository orders, WorkOrderHistory history, RepairRules rules, WarrantyRules warranty,
			Contractors contractors, JdbcTemplate jdbc, Permissions permissions, StaffManagement staff,
			ArchiveLookup archive, ComplaintManagement complaints, ApplicationEventPublisher events, Uploads uploads) {
		this.orders = orders;
		this.history = history;
		this.rules = rules;
		this.warranty = warranty;
		this.contractors = contractors;
		this.jdbc = jdbc;
		this.permissions = permissions;
		this.staff = staff;
		this.archive = archive;
		this.complaints = complaints;
		this.events = events;
		this.uploads = uploads;
	}

	// ---------------------------------------------------------------- raise

	/** Records a new work order and returns its ID; the due date counts from now. */
	@Transactional
	public long raise(RaiseForm form) {
		requirePermission(CREATE);
		Map<String, String> errors = new LinkedHashMap<>();
		WorkOrder w = new WorkOrder();
		w.reportedAt = BusinessClock.now();
		ComplaintManagement.ComplaintSummary complaint = null;
		if (form.complaintId() != null) {
			complaint = complaints.summary(form.complaintId()).orElse(null);
			if (complaint == null) {
				errors.put("complaintId", "workorder.complaint.unknown");
			}
			else if (!complaint.state().name().equals("CLOSED")) {
				w.complaintId = complaint.id();
			}
			else {
				errors.put("complaintId", "workorder.complaint.closed");
			}
		}
		ArchiveLookup.UnitRef unit = null;
		if (form.unitId() != null) {
			unit = archive.unit(form.unitId()).orElse(null);
			if (unit == null) {
				errors.put("unitId", "workorder.unit.unknown");
			}
		}
		Long projectId = unit != null ? Long.valueOf(unit.projectId())
				: form.projectId() != null ? form.projectId() : complaint != null ? complaint.projectId() : null;
		if (projectId == null || archive.project(projectId).isEmpty()) {
			errors.put("projectId", "workorder.project.required");
		}
		String publicArea = blankToNull(form.publicArea());
		if (unit == null && publicArea == null && !errors.containsKey("unitId")) {
			errors.put("unitId", "workorder.place.required");
		}
		RepairRules.Trade trade = form.tradeId() == null ? null : rules.trade(form.tradeId()).orElse(null);
		if (trade == null) {
			errors.put("tradeId", "workorder.trade.required");
		}
		if (form.description() == null || form.description().isBlank()) {
			errors.put("description", "workorder.description.required");
		}
		if (form.urgency() == null) {
			errors.put("urgency", "workorder.urgency.required");
		}
		Warranty.Rule rule = null;
		if (form.component() != null && !form.component().isBlank()) {
			rule = warranty.rule(form.component(), today()).orElse(null);
			if (rule == null) {
				errors.put("component", "workorder.component.unknown");
			}
		}
		appointment(w, form.appointmentFrom(), form.appointmentTo(), errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		w.projectId = projectId;
		w.unitId = unit == null ? null : unit.id();
		w.ownerId = form.ownerId() != null ? form.ownerId() : complaint != null ? complaint.ownerId() : null;
		if (w.ownerId == null && unit != null) {
			w.ownerId = archive.ownersOf(unit.id()).stream().findFirst().map(ArchiveLookup.OwnerRef::id).orElse(null);
		}
		w.publicArea = unit == null ? publicArea : null;
		w.source = w.complaintId != null ? Source.COMPLAINT : form.source() == null ? Source.DIRECT : form.source();
		w.tradeId = trade.id();
		w.component = rule == null ? null : rule.component();
		w.location = nz(form.location());
		w.description = form.description().strip();
		w.urgency = form.urgency();
		// whom the team calls: as entered, else the complainant, else the owner of the home
		ArchiveLookup.OwnerRef owner = w.ownerId == null ? null : archive.owner(w.ownerId).orElse(null);
		w.contactName = firstNonBlank(form.contactName(), complaint == null ? null : complaint.complainant(),
				owner == null ? null : owner.name());
		w.contactPhone = firstNonBlank(form.contactPhone(), complaint == null ? null : complaint.contactPhone(),
				owner == null ? null : owner.mobile());
		Warranty.Decision decision = Warranty.decide(rule, unit == null ? null : unit.handoverDate(),
				unit == null ? Warranty.DEFAULT_DESIGN_LIFE_YEARS : unit.designLifeYears(), today());
		w.warrantyStatus = decision.status();
		w.warrantyUntil = decision.until();
		w.warrantyVersion = rule == null ? null : rule.version();
		w.charge = form.charge() == null ? decision.defaultCharge() : form.charge();
		checkCharge(w);
		w.dueAt = rules.due(trade, w.urgency, w.reportedAt);
		w.state = WorkOrderState.PENDING_DISPATCH;
		w.code = io.estatedesk.shared.CaseNumbers.next(jdbc, "work_order_sequence", "repair_setting", "WX-{yyyy}-{seq:6}",
				today());
		w.createdBy = permissions.currentStaffId().orElse(null);
		orders.saveAndFlush(w);
		history.add(w.id, w.version, actor(), "CREATED", null, null, WorkOrderState.PENDING_DISPATCH.name(),
				trade.name() + (w.urgency == Urgency.EMERGENCY ? "，紧急" : ""));
		if (w.complaintId != null) {
			complaints.repairOrdered(w.complaintId, w.code);
		}
		if (form.contractorId() != null) {
			dispatch(w, form.contractorId(), null);
		}
		else {
			notify(staff.activeWithPermission(DISPATCH).stream().map(StaffManagement.StaffSummary::id).toList(),
					Texts.zh("repair.notify.toDispatch", w.code), abbreviate(w.description), w);
		}
		return w.id;
	}

	// ---------------------------------------------------------------- lifecycle

	/** 派工 to a team or contractor of the work order's trade; again to another one while not started. */
	@Transactional
	public void dispatch(long id, Long contractorId, String note, long version) {
		requirePermission(DISPATCH);
		WorkOrder w = load(id, version);
		w.check(WorkOrderAction.DISPATCH);
		dispatch(w, contractorId, note);
	}

	private void dispatch(WorkOrder w, Long contractorId, String note) {
		if (contractorId == null) {
			throw new InvalidInputException(Map.of("contractorId", "workorder.contractor.required"));
		}
		Contractors.Contractor c = contractors.get(contractorId)
			.orElseThrow(() -> new InvalidInputException(Map.of("contractorId", "workorder.contractor.required")));
		if (!c.active()) {
			throw new BusinessRuleException("contractorId", "workorder.contractor.inactive");
		}
		if (!c.tradeIds().contains(w.tradeId)) {
			throw new BusinessRuleException(null, "workorder.contractor.wrongTrade", c.name(),
					rules.trade(w.tradeId).map(RepairRules.Trade::name).orElse(""));
		}
		Long previous = w.contractorId;
		if (Objects.equals(previous, contractorId) && w.state == WorkOrderState.DISPATCHED) {
			return;
		}
		w.contractorId = contractorId;
		w.dispatchedAt = BusinessClock.now();
		perform(w, WorkOrderAction.DISPATCH, blankToNull(note));
		touch(w);
		orders.saveAndFlush(w);
		history.add(w.id, w.version, actor(), "DISPATCHED", "contractorId",
				previous == null ? null : contractors.get(previous).map(Contractors.Contractor::name).orElse(null), c.name(),
				null);
		notify(contractors.memberIds(contractorId), Texts.zh("repair.notify.dispatched", w.code),
				Texts.zh("repair.notify.dispatched.body", abbreviate(w.description), format(w.dueAt)), w);
	}

	/** 开始维修: the team or contractor is on it. */
	@Transactional
	public void start(long id, long version) {
		WorkOrder w = load(id, version);
		requireWorker(w);
		w.check(WorkOrderAction.START);
		w.startedAt = BusinessClock.now();
		perform(w, WorkOrderAction.START, null);
		touch(w);
		orders.saveAndFlush(w);
	}

	/** 进度: a note on the progress, in the history. */
	@Transactional
	public void progress(long id, String note) {
		WorkOrder w = get(id);
		requireWorker(w);
		w.check(WorkOrderAction.PROGRESS);
		if (note == null || note.isBlank()) {
			throw new InvalidInputException(Map.of("progressNote", "workorder.progress.required"));
		}
		touch(w);
		orders.saveAndFlush(w);
		history.add(w.id, w.version, actor(), "PROGRESS", null, null, null, note.strip());
	}

	/** 完工: the team or contractor reports the repair done; the owner's acceptance follows. */
	@Transactional
	public void finish(long id, String note, String materials, long version) {
		WorkOrder w = load(id, version);
		requireWorker(w);
		w.check(WorkOrderAction.FINISH);
		if (note == null || note.isBlank()) {
			throw new InvalidInputException(Map.of("finishNote", "workorder.finish.noteRequired"));
		}
		if (w.startedAt == null) {
			w.startedAt = BusinessClock.now();
		}
		w.finishedAt = BusinessClock.now();
		String oldMaterials = w.materials;
		if (materials != null && !materials.isBlank()) {
			w.materials = materials.strip();
		}
		perform(w, WorkOrderAction.FINISH, note.strip());
		touch(w);
		orders.saveAndFlush(w);
		fieldChange(w, "materials", oldMaterials, w.materials);
		// the one who raised it arranges the owner's acceptance
		List<Long> to = w.createdBy != null ? List.of(w.createdBy)
				: staff.idsWithPermission(ESCALATION);
		notify(to, Texts.zh("repair.notify.toAccept", w.code), note.strip(), w);
	}

	/**
	 * 验收: the owner (or staff on the owner's behalf) accepts the repair, with a rating of 1–5. A return call follows
	 * for the set share of repairs and always after 返工 or a low rating; when every work order of a complaint is done,
	 * the complaint moves on.
	 */
	@Transactional
	public void accept(long id, Integer rating, String note, long version) {
		requirePermission(ACCEPT);
		WorkOrder w = load(id, version);
		w.check(WorkOrderAction.ACCEPT);
		if (rating == null || rating < 1 || rating > 5) {
			throw new InvalidInputException(Map.of("ownerRating", "workorder.rating.required"));
		}
		w.ownerRating = rating;
		w.acceptanceNote = blankToNull(note);
		w.acceptedAt = BusinessClock.now();
		boolean returnCall = w.reworkCount > 0 || rating <= 3
				|| ThreadLocalRandom.current().nextInt(100) < rules.returnRate();
		if (returnCall) {
			w.returnCallDue = w.acceptedAt.plus(Duration.ofDays(rules.returnDays()));
		}
		perform(w, WorkOrderAction.ACCEPT, "业主评分 " + rating + (w.acceptanceNote == null ? "" : "：" + w.acceptanceNote));
		touch(w);
		orders.saveAndFlush(w);
		events.publishEvent(new WorkOrderAccepted(w.id, w.code, w.projectId, w.ownerId, w.unitId, w.contactName,
				w.contactPhone, w.createdBy, w.returnCallDue));
		complaintMovesOn(w);
	}

	/** 验收不通过: back to the contractor as 返工, with the reason. */
	@Transactional
	public void reject(long id, String reason, long version) {
		requirePermission(ACCEPT);
		WorkOrder w = load(id, version);
		w.check(WorkOrderAction.REJECT);
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException(Map.of("rejectReason", "workorder.reject.reasonRequired"));
		}
		w.reworkCount++;
		w.finishedAt = null;
		perform(w, WorkOrderAction.REJECT, reason.strip());
		touch(w);
		orders.saveAndFlush(w);
		List<Long> to = w.contractorId == null ? List.of() : contractors.memberIds(w.contractorId);
		notify(to, Texts.zh("repair.notify.rework", w.code), reason.strip(), w);
	}

	/** 暂停 with a reason and the day work resumes; the clock stands still until then. */
	@Transactional
	public void pause(long id, String reason, LocalDate resumeOn, long version) {
		WorkOrder w = load(id, version);
		requireDispatcherOrWorker(w);
		w.check(WorkOrderAction.PAUSE);
		Map<String, String> errors = new LinkedHashMap<>();
		if (reason == null || reason.isBlank()) {
			errors.put("pauseReason", "workorder.pause.reasonRequired");
		}
		if (resumeOn == null || resumeOn.isBefore(today())) {
			errors.put("resumeOn", "workorder.pause.resumeOnRequired");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		w.pausedAt = BusinessClock.now();
		w.pauseReason = reason.strip();
		w.resumeOn = resumeOn;
		perform(w, WorkOrderAction.PAUSE, w.pauseReason + "（" + resumeOn + " 恢复）");
		touch(w);
		orders.saveAndFlush(w);
	}

	/** 恢复: the clock runs again and the due date moves by the time on hold. */
	@Transactional
	public void resume(long id, long version) {
		WorkOrder w = load(id, version);
		requireDispatcherOrWorker(w);
		w.check(WorkOrderAction.RESUME);
		resume(w, BusinessClock.now(), actor());
		orders.saveAndFlush(w);
	}

	void resume(WorkOrder w, Instant now, String actor) {
		Instant oldDue = w.dueAt;
		w.dueAt = rules.shifted(w.dueAt, w.urgency, w.pausedAt, now);
		WorkOrderState from = w.perform(WorkOrderAction.RESUME);
		history.add(w.id, w.version + 1, actor, "STATE", "state", from.name(), w.state.name(),
				"时限顺延至 " + format(w.dueAt));
		history.add(w.id, w.version + 1, actor, "FIELD", "dueAt", format(oldDue), format(w.dueAt), null);
		w.pausedAt = null;
		w.pausedFrom = null;
		w.resumeOn = null;
		w.warnedAt = w.dueAt.isAfter(now) ? null : w.warnedAt;
		touch(w);
	}

	/** 取消 (e.g. a duplicate, or the owner withdrew), by a manager, with the reason. */
	@Transactional
	public void cancel(long id, String reason, long version) {
		requirePermission(MANAGE);
		WorkOrder w = load(id, version);
		w.check(WorkOrderAction.CANCEL);
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException(Map.of("cancelReason", "workorder.cancel.reasonRequired"));
		}
		w.cancelledAt = BusinessClock.now();
		perform(w, WorkOrderAction.CANCEL, reason.strip());
		touch(w);
		orders.saveAndFlush(w);
		complaintMovesOn(w);
	}

	/** 回访 after completion: was the owner satisfied with the repair. */
	@Transactional
	public void returnCall(long id, Boolean satisfied, String result, long version) {
		requirePermission(ACCEPT);
		WorkOrder w = load(id, version);
		w.check(WorkOrderAction.RETURN_CALL);
		Map<String, String> errors = new LinkedHashMap<>();
		if (satisfied == null) {
			errors.put("returnSatisfied", "workorder.returnCall.satisfiedRequired");
		}
		if (result == null || result.isBlank()) {
			errors.put("returnResult", "workorder.returnCall.resultRequired");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		w.returnCallAt = BusinessClock.now();
		w.returnSatisfied = satisfied;
		w.returnResult = result.strip();
		if (!satisfied) {
			// not satisfied: the repair is reopened for rework by the same team
			w.reworkCount++;
			w.acceptedAt = null;
			w.finishedAt = null;
			// the next acceptance brings the next return call; this one stays in the history
			w.returnCallDue = null;
			w.returnCallAt = null;
			w.returnSatisfied = null;
			perform(w, w.contractorId == null ? WorkOrderAction.REOPEN_UNDISPATCHED : WorkOrderAction.REOPEN, "回访不满意：" + w.returnResult);
		}
		touch(w);
		orders.saveAndFlush(w);
		history.add(w.id, w.version, actor(), "RETURN_CALL", null, null, satisfied ? "满意" : "不满意", w.returnResult);
		if (!satisfied) {
			List<Long> to = new java.util.ArrayList<>(staff.idsWithPermission(ESCALATION));
			if (w.contractorId != null) {
				to.addAll(contractors.memberIds(w.contractorId));
			}
			notify(to, Texts.zh("repair.notify.returnCallUnsatisfied", w.code), w.returnResult, w);
		}
		events.publishEvent(new WorkOrderReturnCalled(w.id, satisfied));
	}

	/** 收费: warranty, paid or goodwill, materials and cost. Out-of-warranty work is never booked as warranty. */
	@Transactional
	public void saveCharge(long id, Charge charge, String materials, BigDecimal cost, long version) {
		WorkOrder w = load(id, version);
		requireDispatcherOrWorker(w);
		if (charge == null) {
			throw new InvalidInputException(Map.of("charge", "workorder.charge.required"));
		}
		if (cost != null && cost.signum() < 0) {
			throw new InvalidInputException(Map.of("cost", "workorder.cost.invalid"));
		}
		String oldCharge = w.charge.name();
		String oldMaterials = w.materials;
		String oldCost = w.cost == null ? null : w.cost.toPlainString();
		w.charge = charge;
		checkCharge(w);
		w.materials = nz(materials);
		w.cost = cost;
		touch(w);
		orders.saveAndFlush(w);
		fieldChange(w, "charge", oldCharge, w.charge.name());
		fieldChange(w, "materials", oldMaterials, w.materials);
		fieldChange(w, "cost", oldCost, cost == null ? null : cost.toPlainString());
	}

	/** 预约: the window agreed with the owner for the visit. */
	@Transactional
	public void appoint(long id, LocalDateTime from, LocalDateTime to, long version) {
		WorkOrder w = load(id, version);
		requireDispatcherOrWorker(w);
		w.check(WorkOrderAction.APPOINT);
		Map<String, String> errors = new LinkedHashMap<>();
		if (from == null) {
			errors.put("appointmentFrom", "workorder.appointment.required");
		}
		String old = w.appointmentFrom == null ? null : format(w.appointmentFrom);
		appointment(w, from, to, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		touch(w);
		orders.saveAndFlush(w);
		fieldChange(w, "appointment", old, format(w.appointmentFrom) + (w.appointmentTo == null ? "" : " – " + format(w.appointmentTo)));
	}

	/** Photos before and after the repair: images only, checked and re-encoded (see {@link Uploads}). */
	@Transactional
	public void attachPhoto(long id, String stage, MultipartFile file) {
		attachPhoto(id, stage, uploads.check(Uploads.Kind.PHOTO, file, "file"));
	}

	/** A photo another module has already checked with {@link Uploads#check} (e.g. one taken at the handover). */
	@Transactional
	public void attachPhoto(long id, String stage, Uploads.Checked photo) {
		WorkOrder w = get(id);
		requireAccess(w);
		if (!permissions.has(CREATE) && !permissions.has(WORK) && !permissions.has(ACCEPT)) {
			throw new AccessDeniedException(WORK);
		}
		w.check(WorkOrderAction.ATTACH_PHOTO);
		if (!photo.image()) {
			throw new InvalidInputException(Map.of("file", "upload.notImage"));
		}
		String s = "AFTER".equals(stage) ? "AFTER" : "BEFORE";
		jdbc.update("""
				insert into work_order_photo (work_order_id, stage, file_name, content_type, size_bytes, data, uploaded_by,
				  content_checked)
				values (?, ?, ?, ?, ?, ?, ?, true)""", w.id, s, photo.fileName(), photo.contentType(), photo.size(),
				photo.data(), actor());
		touch(w);
		orders.saveAndFlush(w);
		history.add(w.id, w.version, actor(), "PHOTO", null, null, ("AFTER".equals(s) ? "维修后：" : "维修前：") + photo.fileName(), null);
	}

	/**
	 * The actions the current user may take on the work order now: what its state allows (the transition table),
	 * narrowed by the user's permissions and, for the return call, by whether one is due.
	 */
	@Transactional(readOnly = true)
	public java.util.Set<WorkOrderAction> allowedActions(long id) {
		WorkOrder w = get(id);
		boolean restricted = restrictedTo().isPresent();
		boolean dispatcherOrWorker = may(DISPATCH) || may(MANAGE) || may(WORK);
		java.util.Set<WorkOrderAction> allowed = java.util.EnumSet.noneOf(WorkOrderAction.class);
		for (WorkOrderAction a : w.allowedActions()) {
			boolean may = switch (a) {
				case DISPATCH -> !restricted && may(DISPATCH);
				case START, PROGRESS, FINISH -> may(WORK);
				case ACCEPT, REJECT -> may(ACCEPT);
				// only the outcome the work order allows: rework by its unit, or back to dispatch
				case RETURN_CALL -> may(ACCEPT) && w.returnCallDue != null && w.returnCallAt == null;
				case REOPEN -> may(ACCEPT) && w.returnCallDue != null && w.returnCallAt == null && w.contractorId != null;
				case REOPEN_UNDISPATCHED -> may(ACCEPT) && w.returnCallDue != null && w.returnCallAt == null
						&& w.contractorId == null;
				case PAUSE, RESUME, APPOINT -> dispatcherOrWorker;
				case CANCEL -> may(MANAGE);
				case ATTACH_PHOTO -> may(CREATE) || may(WORK) || may(ACCEPT);
			};
			if (may) {
				allowed.add(a);
			}
		}
		return java.util.Collections.unmodifiableSet(allowed);
	}

	/** The current version of a work order, for other modules that record a step on it (e.g. its return call). */
	@Transactional(readOnly = true)
	public long version(long id) {
		return get(id).version;
	}

	// ---------------------------------------------------------------- the complaint a work order came from

	private void complaintMovesOn(WorkOrder w) {
		if (w.complaintId == null) {
			return;
		}
		List<Map<String, Object>> siblings = jdbc.queryForList("""
				select w.code, w.state, w.description, t.name trade, c.name contractor from work_order w
				join repair_trade t on t.id = w.trade_id left join contractor c on c.id = w.contractor_id
				where w.complaint_id = ? order by w.id""", w.complaintId);
		boolean allDone = siblings.stream().allMatch(r -> "COMPLETED".equals(r.get("state")) || "CANCELLED".equals(r.get("state")));
		boolean anyCompleted = siblings.stream().anyMatch(r -> "COMPLETED".equals(r.get("state")));
		if (!allDone || !anyCompleted) {
			return;
		}
		StringBuilder summary = new StringBuilder("维修已完成并经业主验收：");
		for (Map<String, Object> r : siblings) {
			if ("COMPLETED".equals(r.get("state"))) {
				summary.append(r.get("code")).append(" ").append(abbreviate((String) r.get("description"))).append("（")
					.append(r.get("trade")).append(r.get("contractor") == null ? "" : "，" + r.get("contractor"))
					.append("）；");
			}
		}
		complaints.repairsDone(w.complaintId, summary.substring(0, summary.length() - 1) + "。");
	}

	// ---------------------------------------------------------------- helpers

	WorkOrder get(long id) {
		WorkOrder w = orders.findById(id).orElseThrow(() -> new NotFoundException("workorder.notFound"));
		requireAccess(w);
		return w;
	}

	private WorkOrder load(long id, long version) {
		WorkOrder w = get(id);
		if (w.version != version) {
			throw new ChangedMeanwhile(history.since(id, version));
		}
		return w;
	}

	/** The contractor whose work orders alone the current user may see, or empty when the user sees all. */
	Optional<Long> restrictedTo() {
		if (permissions.has(ALL)) {
			return Optional.empty();
		}
		return Optional.of(permissions.currentStaffId().flatMap(contractors::contractorOf).orElse(-1L));
	}

	/** Another contractor's work order does not exist for a contractor's account. */
	private void requireAccess(WorkOrder w) {
		requirePermission(VIEW);
		restrictedTo().ifPresent(c -> {
			if (!c.equals(w.contractorId)) {
				throw new NotFoundException("workorder.notFound");
			}
		});
	}

	/** Reports progress: the assigned contractor's account, or staff with the right to work on any. */
	private void requireWorker(WorkOrder w) {
		requirePermission(WORK);
		requireAccess(w);
	}

	private void requireDispatcherOrWorker(WorkOrder w) {
		if (!permissions.has(DISPATCH) && !permissions.has(MANAGE)) {
			requireWorker(w);
		}
	}

	private void requirePermission(String code) {
		if (!permissions.has(code)) {
			throw new AccessDeniedException(code);
		}
	}

	boolean may(String code) {
		return permissions.has(code);
	}

	private void checkCharge(WorkOrder w) {
		if (w.warrantyStatus == Warranty.Status.EXPIRED && w.charge == Charge.WARRANTY) {
			throw new InvalidInputException(Map.of("charge", "workorder.charge.expired"));
		}
	}

	private static void appointment(WorkOrder w, LocalDateTime from, LocalDateTime to, Map<String, String> errors) {
		if (from != null && to != null && !to.isAfter(from)) {
			errors.put("appointmentTo", "workorder.appointment.order");
			return;
		}
		w.appointmentFrom = from == null ? null : from.atZone(BusinessClock.ZONE).toInstant();
		w.appointmentTo = to == null ? null : to.atZone(BusinessClock.ZONE).toInstant();
	}

	/** Takes the action's transition on the entity and records it in the history. */
	private void perform(WorkOrder w, WorkOrderAction action, String note) {
		WorkOrderState from = w.perform(action);
		if (w.id != null) {
			// the entity's version goes up by one when this transaction flushes
			history.add(w.id, w.version + 1, actor(), "STATE", "state", from.name(), w.state.name(), note);
		}
	}

	private void fieldChange(WorkOrder w, String field, String oldValue, String newValue) {
		if (!Objects.equals(nz(oldValue), nz(newValue))) {
			history.add(w.id, w.version, actor(), "FIELD", field, oldValue, newValue, null);
		}
	}

	private static void touch(WorkOrder w) {
		w.updatedAt = BusinessClock.now();
	}

	private String actor() {
		return permissions.currentUsername();
	}

	private void notify(List<Long> recipients, String title, String body, WorkOrder w) {
		if (!recipients.isEmpty()) {
			events.publishEvent(new StaffNotification(recipients, title, body, "/work-orders/" + w.id));
		}
	}

	static LocalDate today() {
		return BusinessClock.today();
	}

	static String abbreviate(String s) {
		if (s == null) {
			return "";
		}
		return s.length() <= 60 ? s : s.substring(0, 60) + "…";
	}

	static String format(Instant i) {
		return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BusinessClock.ZONE).format(i);
	}

	private static String nz(String s) {
		return s == null ? "" : s.strip();
	}

	private static String firstNonBlank(String... values) {
		for (String v : values) {
			if (v != null && !v.isBlank()) {
				return v.strip();
			}
		}
		return "";
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
