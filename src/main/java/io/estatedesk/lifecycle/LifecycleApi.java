package io.estatedesk.lifecycle;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.estatedesk.shared.ApiController;
import io.estatedesk.shared.ChangedMeanwhile;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** 项目工作 and 物业监督 through the API: duty items and their records, the owners' assembly trigger, inspections. */
@ApiController("/api/v1")
@Tag(name = "项目管理", description = "项目前期、交房前、交房后工作事项，业主大会条件，物业监督")
@PreAuthorize("hasAuthority('LIFECYCLE_VIEW')")
class LifecycleApi {

	private final DutyBoard board;

	private final Supervision supervision;

	LifecycleApi(DutyBoard board, Supervision supervision) {
		this.board = board;
		this.supervision = supervision;
	}

	@GetMapping("/projects/{projectId}/duties")
	@Operation(summary = "项目的工作事项（按阶段）与业主大会召开条件（已交付面积比例、是否达到）")
	Map<String, Object> duties(@PathVariable long projectId) {
		return Map.of("items", board.items(projectId), "assembly", board.assembly(projectId));
	}

	@GetMapping("/duties/{id}")
	ResponseEntity<Map<String, Object>> duty(@PathVariable long id) {
		DutyBoard.Item item = board.item(id);
		return ResponseEntity.ok().eTag("\"" + item.version() + "\"").body(Map.of("item", item, "records", board.records(id),
				"fields", DutyKinds.fields(item.kind())));
	}

	record DutyBody(Long ownerId, LocalDate dueDate, DutyBoard.Status status, String notes) {
	}

	@PutMapping("/duties/{id}")
	ResponseEntity<Map<String, Object>> save(@PathVariable long id, @RequestBody DutyBody body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		board.save(id, body.ownerId(), body.dueDate(), body.status(), body.notes(), ChangedMeanwhile.ifMatch(ifMatch));
		return duty(id);
	}

	@PostMapping("/duties/{id}/records")
	@Operation(summary = "添加记录（字段按事项类型，见 GET 的 fields）")
	ResponseEntity<List<DutyBoard.Record>> addRecord(@PathVariable long id, @RequestBody DutyBoard.RecordForm form)
			throws IOException {
		board.addRecord(id, form, null);
		return ResponseEntity.created(URI.create("/api/v1/duties/" + id)).body(board.records(id));
	}

	@GetMapping("/supervision/inspections")
	List<Supervision.Inspection> inspections(@RequestParam(required = false) Long projectId) {
		return supervision.inspections(projectId);
	}

	@GetMapping("/supervision/inspections/{id}")
	Map<String, Object> inspection(@PathVariable long id) {
		return Map.of("inspection", supervision.inspection(id), "scores", supervision.scores(id), "notices",
				supervision.notices(null, id));
	}

	record InspectionBody(Long projectId, LocalDate inspectedOn, String propertyCompany, Map<Long, BigDecimal> scores,
			Map<Long, String> notes, String remarks) {
	}

	@PostMapping("/supervision/inspections")
	@PreAuthorize("hasAuthority('SUPERVISION_EDIT')")
	@Operation(summary = "记录一次物业检查：每个检查项的得分（scores: 检查项 id → 得分）")
	ResponseEntity<Map<String, Object>> inspect(@RequestBody InspectionBody body) {
		long id = supervision.inspect(body.projectId() == null ? -1 : body.projectId(), body.inspectedOn(),
				body.propertyCompany(), body.scores() == null ? Map.of() : body.scores(),
				body.notes() == null ? Map.of() : body.notes(), body.remarks());
		return ResponseEntity.created(URI.create("/api/v1/supervision/inspections/" + id)).body(inspection(id));
	}

	@GetMapping("/supervision/checklist")
	List<Supervision.ChecklistItem> checklist() {
		return supervision.checklist();
	}

}
