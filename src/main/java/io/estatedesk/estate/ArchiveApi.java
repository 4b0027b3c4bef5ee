package io.estatedesk.estate;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import io.estatedesk.estate.Views.BuildingView;
import io.estatedesk.estate.Views.HouseholdView;
import io.estatedesk.estate.Views.OwnerRow;
import io.estatedesk.estate.Views.OwnerView;
import io.estatedesk.estate.Views.OwnershipView;
import io.estatedesk.estate.Views.ProjectView;
import io.estatedesk.estate.Views.UnitView;
import io.estatedesk.shared.ApiController;
import io.estatedesk.shared.NotFoundException;
import io.estatedesk.shared.Paged;
import org.springdoc.core.annotations.ParameterObject;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The owner archive's REST API. Single resources carry their version as ETag; a PUT with {@code If-Match} is
 * refused with 409 when someone else changed the record meanwhile. Phone and ID numbers are masked unless
 * {@code reveal=true} is asked for by a role that may, which is recorded.
 */
@ApiController("/api/v1")
@Tag(name = "业主档案", description = "项目、楼栋、房屋、业主")
@PreAuthorize("hasAuthority('ARCHIVE_VIEW')")
class ArchiveApi {

	private final ArchiveQueries queries;

	private final EstateArchive archive;

	private final Confidential confidential;

	private final ImportJobs imports;

	ArchiveApi(ArchiveQueries queries, EstateArchive archive, Confidential confidential, ImportJobs imports) {
		this.queries = queries;
		this.archive = archive;
		this.confidential = confidential;
		this.imports = imports;
	}

	private static Long ifMatch(String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		String v = header.strip().replace("W/", "").replace("\"", "");
		try {
			return Long.valueOf(v);
		}
		catch (NumberFormatException e) {
			throw new ObjectOptimisticLockingFailureException(Object.class, header);
		}
	}

	private static <T> ResponseEntity<T> tagged(T body, long version) {
		return ResponseEntity.ok().eTag("\"" + version + "\"").body(body);
	}

	// ---- statistics

	@GetMapping("/archive/statistics")
	@Operation(summary = "档案统计（精确计数）：项目、房屋、业主数及各状态房屋数；可按项目")
	java.util.Map<String, Long> statistics(@RequestParam(required = false) Long projectId) {
		return queries.statistics(projectId);
	}

	// ---- projects

	@GetMapping("/projects")
	@Operation(summary = "项目列表")
	List<ProjectView> projects() {
		return queries.projects();
	}

	@GetMapping("/projects/{id}")
	ResponseEntity<ProjectView> project(@PathVariable long id) {
		ProjectView p = queries.project(id);
		return tagged(p, p.version());
	}

	@PostMapping("/projects")
	@PreAuthorize("hasAuthority('PROJECT_EDIT')")
	ResponseEntity<ProjectView> createProject(@Valid @RequestBody ProjectForm form) {
		long id = archive.saveProject(null, form, null);
		return ResponseEntity.created(URI.create("/api/v1/projects/" + id)).body(queries.project(id));
	}

	@PutMapping("/projects/{id}")
	@PreAuthorize("hasAuthority('PROJECT_EDIT')")
	ResponseEntity<ProjectView> updateProject(@PathVariable long id, @Valid @RequestBody ProjectForm form,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		archive.saveProject(id, form, ifMatch(ifMatch));
		ProjectView p = queries.project(id);
		return tagged(p, p.version());
	}

	// ---- buildings

	@GetMapping("/buildings")
	List<BuildingView> buildings(@RequestParam(required = false) Long projectId) {
		return queries.buildings(projectId);
	}

	@GetMapping("/buildings/{id}")
	ResponseEntity<BuildingView> building(@PathVariable long id) {
		BuildingView b = queries.building(id);
		return tagged(b, b.version());
	}

	@PostMapping("/buildings")
	@PreAuthorize("hasAuthority('PROJECT_EDIT')")
	ResponseEntity<BuildingView> createBuilding(@RequestParam long projectId, @Valid @RequestBody BuildingForm form) {
		long id = archive.saveBuilding(projectId, null, form, null);
		return ResponseEntity.created(URI.create("/api/v1/buildings/" + id)).body(queries.building(id));
	}

	@PutMapping("/buildings/{id}")
	@PreAuthorize("hasAuthority('PROJECT_EDIT')")
	ResponseEntity<BuildingView> updateBuilding(@PathVariable long id, @Valid @RequestBody BuildingForm form,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		archive.saveBuilding(queries.building(id).projectId(), id, form, ifMatch(ifMatch));
		BuildingView b = queries.building(id);
		return tagged(b, b.version());
	}

	// ---- units

	@GetMapping("/units")
	@Operation(summary = "房屋列表（分页、筛选）")
	io.estatedesk.shared.Slice<UnitView> units(@ParameterObject @ModelAttribute OwnerFilter filter, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return queries.units(filter, Paged.page(page), Paged.size(size));
	}

	@GetMapping("/units/{id}")
	ResponseEntity<UnitView> unit(@PathVariable long id) {
		UnitView u = queries.unit(id);
		return tagged(u, u.version());
	}

	@PostMapping("/units")
	@PreAuthorize("hasAuthority('ARCHIVE_EDIT')")
	ResponseEntity<UnitView> createUnit(@Valid @RequestBody UnitForm form) {
		long id = archive.saveUnit(null, form, null);
		return ResponseEntity.created(URI.create("/api/v1/units/" + id)).body(queries.unit(id));
	}

	@PutMapping("/units/{id}")
	@PreAuthorize("hasAuthority('ARCHIVE_EDIT')")
	ResponseEntity<UnitView> updateUnit(@PathVariable long id, @Valid @RequestBody UnitForm form,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		archive.saveUnit(id, form, ifMatch(ifMatch));
		UnitView u = queries.unit(id);
		return tagged(u, u.version());
	}

	// ---- owners

	record OwnerDetail(OwnerView owner, List<OwnershipView> units, List<HouseholdView> household) {
	}

	@GetMapping("/owners")
	@Operation(summary = "业主列表（分页、筛选）；电话和证件号码默认遮蔽，reveal=true 需“查看完整号码”权限并记录")
	io.estatedesk.shared.Slice<OwnerRow> owners(@ParameterObject @ModelAttribute OwnerFilter filter, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(defaultValue = "false") boolean reveal) {
		if (reveal) {
			confidential.requireReveal();
		}
		io.estatedesk.shared.Slice<OwnerRow> rows = queries.owners(filter, Paged.page(page), Paged.size(size));
		if (reveal) {
			confidential.recordListReveal(rows.items().stream().map(OwnerRow::id).toList(), filter.describe());
			return rows;
		}
		return rows.map(confidential::mask);
	}

	@GetMapping("/owners/{id}")
	ResponseEntity<OwnerDetail> owner(@PathVariable long id, @RequestParam(defaultValue = "false") boolean reveal) {
		OwnerView o = queries.owner(id).orElseThrow(() -> new NotFoundException("owner.notFound"));
		List<HouseholdView> household = queries.household(id);
		OwnerDetail d = reveal ? new OwnerDetail(confidential.reveal(o, "API"), queries.ownershipsOfOwner(id), household)
				: new OwnerDetail(confidential.mask(o), queries.ownershipsOfOwner(id),
						household.stream().map(confidential::mask).toList());
		return tagged(d, o.version());
	}

	@PostMapping("/owners")
	@PreAuthorize("hasAuthority('ARCHIVE_EDIT')")
	ResponseEntity<OwnerDetail> createOwner(@Valid @RequestBody OwnerForm form) {
		long id = archive.createOwner(form);
		OwnerView o = queries.owner(id).orElseThrow();
		return ResponseEntity.created(URI.create("/api/v1/owners/" + id))
			.eTag("\"" + o.version() + "\"")
			.body(new OwnerDetail(confidential.mask(o), queries.ownershipsOfOwner(id), List.of()));
	}

	@PutMapping("/owners/{id}")
	@Operation(summary = "修改业主；mobile、otherPhone、idNumber 留空表示不修改")
	@PreAuthorize("hasAuthority('ARCHIVE_EDIT')")
	ResponseEntity<OwnerDetail> updateOwner(@PathVariable long id, @Valid @RequestBody OwnerForm form,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		archive.updateOwner(id, form, ifMatch(ifMatch));
		return owner(id, false);
	}

	// ---- imports

	@PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "上传业主档案 xlsx（模板见页面“导入”）；有错误的行跳过并报告，其余照常导入")
	@PreAuthorize("hasAuthority('ARCHIVE_IMPORT')")
	ResponseEntity<ImportJobs.ImportJob> startImport(@RequestParam("file") MultipartFile file) throws IOException {
		long id = imports.start(file);
		return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/imports/" + id)).body(imports.get(id));
	}

	@GetMapping("/imports/{id}")
	@PreAuthorize("hasAuthority('ARCHIVE_IMPORT')")
	ImportJobs.ImportJob importJob(@PathVariable long id) {
		return imports.get(id);
	}

	@GetMapping("/imports/{id}/rejections")
	@PreAuthorize("hasAuthority('ARCHIVE_IMPORT')")
	List<ImportJobs.Rejection> importRejections(@PathVariable long id) {
		imports.get(id);
		return imports.rejections(id, 10_000);
	}

}
