package io.estatedesk.repair;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import io.estatedesk.estate.ArchiveLookup;
import io.estatedesk.shared.ApiController;
import io.estatedesk.shared.ChangedMeanwhile;
import io.estatedesk.shared.NotFoundException;
import io.estatedesk.shared.Paged;
import io.estatedesk.shared.Slice;
import org.springdoc.core.annotations.ParameterObject;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 维修 through the API: work orders with the same filters, actions and history as the pages, the registry of teams
 * and contractors, and a unit's warranty. Every change of a work order needs its current version ({@code If-Match},
 * as returned in {@code ETag}); a stale one is refused with 409 and the changes made meanwhile. A contractor's
 * account sees and changes its own work orders only.
 */
@ApiController("/api/v1")
@Tag(name = "维修", description = "维修工单、维修单位与保修判断")
@PreAuthorize("hasAuthority('REPAIR_VIEW')")
class RepairApi {

	private final WorkOrderManagement management;

	private final WorkOrderQueries queries;

	private final Contractors contractors;

	private final WarrantyRules warranty;

	private final ArchiveLookup archive;

	private final ContactReveal contact;

	RepairApi(WorkOrderManagement management, WorkOrderQueries queries, Contractors contractors, WarrantyRules warranty,
			ArchiveLookup archive, ContactReveal contact) {
		this.management = management;
		this.queries = queries;
		this.contractors = contractors;
		this.warranty = warranty;
		this.archive = archive;
		this.contact = contact;
	}

	/** The work order as it stands, its contact number masked unless asked for (and then recorded). */
	private ResponseEntity<WorkOrderViews.Detail> current(long id, boolean reveal) {
		management.get(id);
		WorkOrderViews.Detail d = queries.detail(id).orElseThrow(() -> new NotFoundException("workorder.notFound"));
		return ResponseEntity.ok().eTag("\"" + d.version() + "\"").body(contact.shown(d, reveal, "API"));
	}

	private ResponseEntity<WorkOrderViews.Detail> current(long id) {
		return current(id, false);
	}

	@GetMapping("/work-orders")
	@Operation(summary = "维修工单列表：按项目、楼栋、房屋、业主、投诉、维修单位、工种、状态、紧急程度、来源、超时、未完成、待回访、报修日期（reportedFrom/reportedTo，含首尾两天）、已报修天数（ageFrom 至少、ageTo 不足）、办理进度（progress=ACCEPTED 已验收、RATED 业主已评价）筛选；分页不统计总数")
	Slice<WorkOrderViews.Row> list(@ParameterObject @ModelAttribute WorkOrderFilter filter, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return queries.list(filter, management.restrictedTo(), Paged.page(page), Paged.size(size));
	}

	@GetMapping("/work-orders/{id}")
	@Operation(summary = "一张维修工单；联系人电话默认遮蔽，reveal=true 需“查看完整号码”权限（或是承修单位）并记录")
	ResponseEntity<WorkOrderViews.Detail> get(@PathVariable long id, @RequestParam(defaultValue = "false") boolean reveal) {
		return current(id, reveal);
	}

	@GetMapping("/work-orders/{id}/history")
	@Operation(summary = "处理经过（只增不改）与照片清单")
	Map<String, Object> history(@PathVariable long id) {
		management.get(id);
		WorkOrderViews.Full full = queries.full(id);
		return Map.of("history", full.history(), "photos", full.photos());
	}

	@PostMapping("/work-orders")
	@Operation(summary = "报修：房屋（unitId）或公共区域（projectId + publicArea）；complaintId 表示从投诉派单；contractorId 直接派工")
	ResponseEntity<WorkOrderViews.Detail> create(@jakarta.validation.Valid @RequestBody WorkOrderManagement.RaiseForm form) {
		long id = management.raise(form);
		ResponseEntity<WorkOrderViews.Detail> body = current(id);
		return ResponseEntity.created(URI.create("/api/v1/work-orders/" + id)).eTag(body.getHeaders().getETag())
			.body(body.getBody());
	}

	record DispatchBody(Long contractorId, String note) {
	}

	@PostMapping("/work-orders/{id}/dispatch")
	@Operation(summary = "派工")
	ResponseEntity<WorkOrderViews.Detail> dispatch(@PathVariable long id, @RequestBody DispatchBody body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		management.dispatch(id, body.contractorId(), body.note(), ChangedMeanwhile.ifMatch(ifMatch));
		return current(id);
	}

	@PostMapping("/work-orders/{id}/start")
	@Operation(summary = "开始维修（维修单位）")
	ResponseEntity<WorkOrderViews.Detail> start(@PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		management.start(id, ChangedMeanwhile.ifMatch(ifMatch));
		return current(id);
	}

	record NoteBody(String note, String materials) {
	}

	@PostMapping("/work-orders/{id}/progress")
	@Operation(summary = "报告进度（维修单位）")
	ResponseEntity<WorkOrderViews.Detail> progress(@PathVariable long id, @RequestBody NoteBody body) {
		management.progress(id, body.note());
		return current(id);
	}

	@PostMapping("/work-orders/{id}/finish")
	@Operation(summary = "完工，提请验收（维修单位）")
	ResponseEntity<WorkOrderViews.Detail> finish(@PathVariable long id, @RequestBody NoteBody body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		management.finish(id, body.note(), body.materials(), ChangedMeanwhile.ifMatch(ifMatch));
		return current(id);
	}

	record AcceptBody(Integer ownerRating, String note) {
	}

	@PostMapping("/work-orders/{id}/accept")
	@Operation(summary = "业主验收通过（评分 1–5）")
	ResponseEntity<WorkOrderViews.Detail> accept(@PathVariable long id, @RequestBody AcceptBody body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		management.accept(id, body.ownerRating(), body.note(), ChangedMeanwhile.ifMatch(ifMatch));
		return current(id);
	}

	record ReasonBody(String reason, LocalDate resumeOn) {
	}

	@PostMapping("/work-orders/{id}/reject")
	@Operation(summary = "验收不通过，返工")
	ResponseEntity<WorkOrderViews.Detail> reject(@PathVariable long id, @RequestBody ReasonBody body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		management.reject(id, body.reason(), ChangedMeanwhile.ifMatch(ifMatch));
		return current(id);
	}

	@PostMapping("/work-orders/{id}/pause")
	@Operation(summary = "暂停（原因与恢复日期），停止计时")
	ResponseEntity<WorkOrderViews.Detail> pause(@PathVariable long id, @RequestBody ReasonBody body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		management.pause(id, body.reason(), body.resumeOn(), ChangedMeanwhile.ifMatch(ifMatch));
		return current(id);
	}

	@PostMapping("/work-orders/{id}/resume")
	@Operation(summary = "恢复，完成时限顺延暂停的时间")
	ResponseEntity<WorkOrderViews.Detail> resume(@PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		management.resume(id, ChangedMeanwhile.ifMatch(ifMatch));
		return current(id);
	}

	@PostMapping("/work-orders/{id}/cancel")
	@Operation(summary = "取消工单（部门经理）")
	ResponseEntity<WorkOrderViews.Detail> cancel(@PathVariable long id, @RequestBody ReasonBody body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		management.cancel(id, body.reason(), ChangedMeanwhile.ifMatch(ifMatch));
		return current(id);
	}

	record ReturnCallBody(Boolean satisfied, String result) {
	}

	@PostMapping("/work-orders/{id}/return-call")
	@Operation(summary = "维修回访")
	ResponseEntity<WorkOrderViews.Detail> returnCall(@PathVariable long id, @RequestBody ReturnCallBody body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		management.returnCall(id, body.satisfied(), body.result(), ChangedMeanwhile.ifMatch(ifMatch));
		return current(id);
	}

	record ChargeBody(Charge charge, String materials, BigDecimal cost) {
	}

	@PutMapping("/work-orders/{id}/charge")
	@Operation(summary = "收费方式、用料与费用；过保修期的不能按保修")
	ResponseEntity<WorkOrderViews.Detail> charge(@PathVariable long id, @RequestBody ChargeBody body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		management.saveCharge(id, body.charge(), body.materials(), body.cost(), ChangedMeanwhile.ifMatch(ifMatch));
		return current(id);
	}

	record AppointmentBody(LocalDateTime from, LocalDateTime to) {
	}

	@PutMapping("/work-orders/{id}/appointment")
	@Operation(summary = "与业主预约的上门时间段")
	ResponseEntity<WorkOrderViews.Detail> appointment(@PathVariable long id, @RequestBody AppointmentBody body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		management.appoint(id, body.from(), body.to(), ChangedMeanwhile.ifMatch(ifMatch));
		return current(id);
	}

	@PostMapping("/work-orders/{id}/actions/{name}")
	@Operation(summary = "处理动作（与页面按钮相同的转换表）：dispatch（contractorId, note）、start、progress（note）、finish（note, materials）、"
			+ "accept（ownerRating, note）、reject（note=原因）、pause（note=原因, resumeOn）、resume、cancel（note=原因）、"
			+ "return-call（satisfied, note=回访结果）、reopen / reopen-undispatched（note）、appoint（from, to）；需要 If-Match")
	ResponseEntity<WorkOrderViews.Detail> act(@PathVariable long id, @PathVariable String name,
			@RequestBody(required = false) WorkOrderInput body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		WorkOrderAction action = action(name);
		// a progress note conflicts with nothing: it needs no version
		long version = action == WorkOrderAction.PROGRESS && ifMatch == null ? -1 : ChangedMeanwhile.ifMatch(ifMatch);
		management.perform(id, action, body, version);
		return current(id);
	}

	/** An action's name in a path: its constant in lower case with hyphens (return-call). */
	static String pathName(WorkOrderAction a) {
		return a.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	private static WorkOrderAction action(String name) {
		for (WorkOrderAction a : WorkOrderAction.values()) {
			if (a != WorkOrderAction.ATTACH_PHOTO && pathName(a).equals(name)) {
				return a;
			}
		}
		throw new NotFoundException("workorder.api.unknownAction");
	}

	/** One action the caller may take now and the call that takes it; a photo is sent to the page's upload. */
	record AllowedAction(WorkOrderAction action, String method, String path) {
	}

	/** What the caller may do to the work order now: the transition table's actions for its state and this caller. */
	record Actions(long id, WorkOrderState state, long version, List<AllowedAction> actions) {
	}

	@GetMapping("/work-orders/{id}/actions")
	@Operation(summary = "当前可进行的处理动作：按工单状态和调用者权限，与页面显示的按钮一致；method、path 为对应的接口调用")
	ResponseEntity<Actions> actions(@PathVariable long id) {
		WorkOrder w = management.get(id);
		String at = "/api/v1/work-orders/" + id + "/actions/";
		List<AllowedAction> allowed = management.allowedActions(id).stream()
			.map(a -> a == WorkOrderAction.ATTACH_PHOTO ? new AllowedAction(a, null, null)
					: new AllowedAction(a, "POST", at + pathName(a)))
			.toList();
		return ResponseEntity.ok().eTag("\"" + w.version + "\"").body(new Actions(id, w.state, w.version, allowed));
	}

	// ---------------------------------------------------------------- contractors

	@GetMapping("/contractors")
	@PreAuthorize("hasAuthority('REPAIR_ALL')")
	@Operation(summary = "工程部班组与施工单位：工种、联系人、承建范围、质保金")
	List<Contractors.Contractor> contractors(@RequestParam(defaultValue = "false") boolean activeOnly) {
		return contractors.all(activeOnly);
	}

	@GetMapping("/contractors/{id}")
	@PreAuthorize("hasAuthority('REPAIR_ALL')")
	ResponseEntity<Contractors.Contractor> contractor(@PathVariable long id) {
		Contractors.Contractor c = contractors.get(id).orElseThrow(() -> new NotFoundException("contractor.notFound"));
		return ResponseEntity.ok().eTag("\"" + c.version() + "\"").body(c);
	}

	@PostMapping("/contractors")
	@PreAuthorize("hasAuthority('REPAIR_SETTINGS')")
	ResponseEntity<Contractors.Contractor> createContractor(@RequestBody Contractors.Form form) {
		long id = contractors.create(form);
		return ResponseEntity.created(URI.create("/api/v1/contractors/" + id)).body(contractors.get(id).orElseThrow());
	}

	@PutMapping("/contractors/{id}")
	@PreAuthorize("hasAuthority('REPAIR_SETTINGS')")
	ResponseEntity<Contractors.Contractor> updateContractor(@PathVariable long id, @RequestBody Contractors.Form form,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		contractors.update(id, form, ChangedMeanwhile.ifMatch(ifMatch));
		return contractor(id);
	}

	@GetMapping("/contractors/scorecard")
	@PreAuthorize("hasAuthority('REPAIR_ALL')")
	@Operation(summary = "履约评价：按报修日期区间统计工单、按时完工率、返工率、平均天数、业主评分")
	List<WorkOrderViews.Score> scorecard(@RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to) {
		return queries.scorecard(from, to);
	}

	// ---------------------------------------------------------------- warranty

	/** The warranty of every component of a unit on a day. */
	record UnitWarranty(long unitId, String unit, LocalDate handoverDate, LocalDate on, List<ComponentWarranty> components) {
	}

	record ComponentWarranty(String component, String name, Warranty.Status status, LocalDate until, String period,
			String basis, int ruleVersion) {
	}

	@GetMapping("/units/{id}/warranty")
	@Operation(summary = "保修判断：房屋各部位在某日（缺省今天）是否在保修期内、到哪天、依据什么")
	UnitWarranty unitWarranty(@PathVariable long id, @RequestParam(required = false) LocalDate on) {
		ArchiveLookup.UnitRef u = archive.unit(id).orElseThrow(() -> new NotFoundException("unit.notFound"));
		LocalDate day = on != null ? on : WorkOrderManagement.today();
		List<ComponentWarranty> list = warranty.inForce(day).stream().map(r -> {
			Warranty.Decision d = Warranty.decide(r, u.handoverDate(), u.designLifeYears(), day);
			String period = switch (r.kind()) {
				case YEARS -> r.period() + "年";
				case MONTHS -> r.period() + "个月";
				case HEATING_SEASONS -> r.period() + "个采暖期" + season(r);
				case COOLING_SEASONS -> r.period() + "个供冷期" + season(r);
				case DESIGN_LIFE -> "合理使用年限（" + u.designLifeYears() + "年）";
			};
			return new ComponentWarranty(r.component(), r.name(), d.status(), d.until(), period, r.basis(), r.version());
		}).toList();
		return new UnitWarranty(u.id(), u.label(), u.handoverDate(), day, list);
	}

	/** e.g. "（11月15日至次年3月15日）" */
	private static String season(Warranty.Rule r) {
		return "（" + r.seasonStart().getMonthValue() + "月" + r.seasonStart().getDayOfMonth() + "日至"
				+ (r.seasonEnd().isBefore(r.seasonStart()) ? "次年" : "") + r.seasonEnd().getMonthValue() + "月"
				+ r.seasonEnd().getDayOfMonth() + "日）";
	}

}
