package io.estatedesk.handover;

import java.net.URI;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import io.estatedesk.shared.ApiController;
import io.estatedesk.shared.ChangedMeanwhile;
import io.estatedesk.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 交房 through the API: batches with their slots and units, and each unit's booking, inspection (failed items become
 * work orders), handover and refusal. Changes of a unit need its version ({@code If-Match}).
 */
@ApiController("/api/v1")
@Tag(name = "交房", description = "交房批次、预约、验房、交付与拒收")
@PreAuthorize("hasAuthority('HANDOVER_VIEW')")
class HandoverApi {

	private final HandoverManagement management;

	private final HandoverQueries queries;

	HandoverApi(HandoverManagement management, HandoverQueries queries) {
		this.management = management;
		this.queries = queries;
	}

	@GetMapping("/handover-batches")
	@Operation(summary = "交房批次及其进度（已预约、已验房、已收房、拒收、未修复问题）")
	List<HandoverQueries.Batch> batches(@RequestParam(required = false) Long projectId) {
		return queries.batches(projectId);
	}

	@GetMapping("/handover-batches/{id}")
	Map<String, Object> batch(@PathVariable long id) {
		return Map.of("batch", queries.batch(id), "slots", queries.slots(id), "units", queries.units(id));
	}

	@PostMapping("/handover-batches")
	@PreAuthorize("hasAuthority('HANDOVER_MANAGE')")
	ResponseEntity<HandoverQueries.Batch> create(@RequestBody HandoverManagement.BatchForm form) {
		long id = management.createBatch(form);
		return ResponseEntity.created(URI.create("/api/v1/handover-batches/" + id)).body(queries.batch(id));
	}

	record UnitsBody(Long buildingId, Long unitId) {
	}

	@PostMapping("/handover-batches/{id}/units")
	@PreAuthorize("hasAuthority('HANDOVER_MANAGE')")
	@Operation(summary = "加入楼栋（或一户）已售、未交房的房屋；返回加入的户数")
	Map<String, Integer> addUnits(@PathVariable long id, @RequestBody UnitsBody body) {
		return Map.of("added", management.addUnits(id, body.buildingId(), body.unitId()));
	}

	record SlotBody(LocalDateTime startsAt, LocalDateTime endsAt, Integer capacity) {
	}

	@PostMapping("/handover-batches/{id}/slots")
	@PreAuthorize("hasAuthority('HANDOVER_MANAGE')")
	List<HandoverQueries.Slot> addSlot(@PathVariable long id, @RequestBody SlotBody body) {
		management.addSlot(id, body.startsAt(), body.endsAt(), body.capacity());
		return queries.slots(id);
	}

	private ResponseEntity<Map<String, Object>> unit(long id) {
		HandoverQueries.UnitDetail u = queries.unit(id).orElseThrow(() -> new NotFoundException("handover.unit.notFound"));
		return ResponseEntity.ok().eTag("\"" + u.version() + "\"")
			.body(Map.of("unit", u, "results", queries.results(id), "history", management.history().of(id)));
	}

	@GetMapping("/handover-units/{id}")
	ResponseEntity<Map<String, Object>> get(@PathVariable long id) {
		return unit(id);
	}

	/** An action the caller may take now, with the call that takes it. */
	record AllowedAction(HandoverAction action, String method, String path) {
	}

	/** What the caller may do to the unit now: the transition table's actions for its state and this caller. */
	record Actions(long id, HandoverState state, long version, List<AllowedAction> actions) {
	}

	@GetMapping("/handover-units/{id}/actions")
	@Operation(summary = "当前可进行的交房动作：按房屋的交房状态和调用者权限，与页面显示的按钮一致；method、path 为对应的接口调用")
	ResponseEntity<Actions> actions(@PathVariable long id) {
		HandoverQueries.UnitDetail u = queries.unit(id).orElseThrow(() -> new NotFoundException("handover.unit.notFound"));
		List<AllowedAction> allowed = management.allowedActions(id).stream().map(a -> call(a, u)).toList();
		return ResponseEntity.ok().eTag("\"" + u.version() + "\"").body(new Actions(id, u.state(), u.version(), allowed));
	}

	private static AllowedAction call(HandoverAction a, HandoverQueries.UnitDetail u) {
		String at = "/api/v1/handover-units/" + u.id();
		return switch (a) {
			case BOOK -> new AllowedAction(a, "POST", at + "/book");
			case INSPECT -> new AllowedAction(a, "POST", at + "/inspection");
			case ACCEPT -> new AllowedAction(a, "POST", at + "/accept");
			case REFUSE -> new AllowedAction(a, "POST", at + "/refuse");
			case READD -> new AllowedAction(a, "POST", "/api/v1/handover-batches/" + u.batchId() + "/units");
		};
	}

	record BookBody(Long slotId, String noticeWay) {
	}

	@PostMapping("/handover-units/{id}/book")
	ResponseEntity<Map<String, Object>> book(@PathVariable long id, @RequestBody BookBody body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		management.book(id, body.slotId(), body.noticeWay(), ChangedMeanwhile.ifMatch(ifMatch));
		return unit(id);
	}

	record CheckBody(Long itemId, Boolean ok, String note) {
	}

	@PostMapping("/handover-units/{id}/inspection")
	@Operation(summary = "验房结果：每项 itemId、ok、note；不合格项自动派维修工单")
	ResponseEntity<Map<String, Object>> inspect(@PathVariable long id, @RequestBody List<CheckBody> checks,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		management.inspect(id, checks.stream().filter(c -> c.itemId() != null)
			.map(c -> new HandoverManagement.Check(c.itemId(), !Boolean.FALSE.equals(c.ok()), c.note(), null)).toList(),
				ChangedMeanwhile.ifMatch(ifMatch));
		return unit(id);
	}

	@PostMapping("/handover-units/{id}/accept")
	@Operation(summary = "交付：住宅质量保证书、住宅使用说明书、钥匙、表底数与业主签收；房屋转为已交房并记录交房日期")
	ResponseEntity<Map<String, Object>> accept(@PathVariable long id, @RequestBody HandoverManagement.AcceptForm form,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		management.accept(id, form, ChangedMeanwhile.ifMatch(ifMatch));
		return unit(id);
	}

	record RefuseBody(String reason) {
	}

	@PostMapping("/handover-units/{id}/refuse")
	ResponseEntity<Map<String, Object>> refuse(@PathVariable long id, @RequestBody RefuseBody body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		management.refuse(id, body.reason(), ChangedMeanwhile.ifMatch(ifMatch));
		return unit(id);
	}

}
