package io.estatedesk.complaint;

import java.net.URI;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import io.estatedesk.shared.Texts;
import io.estatedesk.shared.ApiController;
import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.ChangedMeanwhile;
import io.estatedesk.shared.NotFoundException;
import io.estatedesk.shared.Paged;
import io.estatedesk.shared.Slice;
import io.estatedesk.staff.ConfidentialNumbers;
import org.springdoc.core.annotations.ParameterObject;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
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
 * 投诉 through the API: the same fields, filters, full-text search ({@code q=}), lifecycle actions and history as
 * the pages. Every change needs the complaint's current version ({@code If-Match}, as returned in {@code ETag});
 * a stale one is refused with 409 and the list of changes made meanwhile.
 */
@ApiController("/api/v1/complaints")
@Tag(name = "投诉", description = "投诉受理、处理、回复、回访与关闭")
@PreAuthorize("hasAuthority('COMPLAINT_VIEW')")
class ComplaintApi {

	private final ComplaintManagement management;

	private final ComplaintQueries queries;

	private final ComplaintPdf pdf;

	private final ConfidentialNumbers numbers;

	private final org.springframework.context.MessageSource messages;

	ComplaintApi(ComplaintManagement management, ComplaintQueries queries, ComplaintPdf pdf, ConfidentialNumbers numbers,
			org.springframework.context.MessageSource messages) {
		this.management = management;
		this.queries = queries;
		this.pdf = pdf;
		this.numbers = numbers;
		this.messages = messages;
	}

	private static long version(String ifMatch) {
		return ChangedMeanwhile.ifMatch(ifMatch);
	}

	/** The complaint as it stands, its contact phone masked unless asked for (and then recorded). */
	private ResponseEntity<ComplaintViews.Detail> current(long id, boolean reveal, String where) {
		ComplaintViews.Detail d = queries.detail(id).orElseThrow(() -> new NotFoundException("complaint.notFound"));
		boolean full = numbers.reveal(reveal, Texts.zh("complaint.audit.subject", d.code(), d.complainant()), where);
		return ResponseEntity.ok().eTag("\"" + d.version() + "\"").body(full ? d : d.withMaskedPhone());
	}

	private ResponseEntity<ComplaintViews.Detail> current(long id) {
		return current(id, false, null);
	}

	@GetMapping
	@Operation(summary = "投诉列表：筛选、全文搜索 q（中文按词查找，多个词用空格分开）、已受理天数（ageFrom 至少、ageTo 不足，从投诉时间算）、办理进度（progress=REPLIED 已回复、CLOSED 已办结、RATED 已回访评价）；分页不统计总数，hasNext 表示是否有下一页")
	Slice<ComplaintViews.Row> list(@ParameterObject @ModelAttribute ComplaintFilter filter, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return queries.list(filter, Paged.page(page), Paged.size(size));
	}

	@GetMapping("/{id}")
	@Operation(summary = "一件投诉；联系电话默认遮蔽，reveal=true 需“查看完整号码”权限并记录")
	ResponseEntity<ComplaintViews.Detail> get(@PathVariable long id, @RequestParam(defaultValue = "false") boolean reveal) {
		return current(id, reveal, Texts.zh("complaint.audit.phoneByApi"));
	}

	@GetMapping("/{id}/history")
	@Operation(summary = "处理经过（只增不改）与跟进记录")
	Map<String, Object> history(@PathVariable long id) {
		ComplaintViews.Full full = queries.full(id);
		return Map.of("history", full.history(), "followups", full.followups(), "attachments", full.attachments(),
				"parties", full.parties());
	}

	@GetMapping(value = "/{id}/form.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	@Operation(summary = "投诉处理单 PDF（A4）；联系电话默认遮蔽，reveal=true 需“查看完整号码”权限并记录")
	byte[] form(@PathVariable long id, @RequestParam(defaultValue = "false") boolean reveal) {
		ComplaintViews.Detail d = queries.detail(id).orElseThrow(() -> new NotFoundException("complaint.notFound"));
		return pdf.render(numbers.reveal(reveal, Texts.zh("complaint.audit.subject", d.code(), d.complainant()),
				Texts.zh("complaint.audit.phoneOnPrintByApi")) ? d
				: d.withMaskedPhone());
	}

	@PostMapping
	@Operation(summary = "受理投诉；接报人缺省为调用者本人")
	ResponseEntity<ComplaintViews.Detail> create(@Valid @RequestBody IntakeForm form) {
		long id = management.receive(form);
		ResponseEntity<ComplaintViews.Detail> d = current(id);
		return ResponseEntity.created(URI.create("/api/v1/complaints/" + id)).eTag(d.getHeaders().getETag()).body(d.getBody());
	}

	/** The body of a change: the intake fields plus the analysis; 领导批示 is not among them. */
	record Update(@Valid IntakeForm intake, @Valid AnalysisForm analysis, String leaderInstruction) {
	}

	@PutMapping("/{id}")
	@Operation(summary = "修改受理信息（intake）和/或原因分析、整改措施、处理意见（analysis）；领导批示只能通过 instruction 操作填写")
	ResponseEntity<ComplaintViews.Detail> update(@PathVariable long id, @RequestBody Update body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		long version = version(ifMatch);
		if (body.leaderInstruction() != null) {
			throw new BusinessRuleException("leaderInstruction", "complaint.instruction.forbidden");
		}
		if (body.intake() != null) {
			management.editIntake(id, body.intake(), version);
			version = queries.detail(id).orElseThrow().version();
		}
		if (body.analysis() != null) {
			management.saveAnalysis(id, body.analysis(), version);
		}
		return current(id);
	}

	@PostMapping("/{id}/followups")
	ResponseEntity<ComplaintViews.Detail> followup(@PathVariable long id, @Valid @RequestBody FollowupForm form) {
		management.addFollowup(id, form);
		return current(id);
	}

	/** A lifecycle action's parameters; which ones apply depends on the action. */
	record Action(String text, Boolean yes, String way, Long handlerId,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime at) {
	}

	@PostMapping("/{id}/actions/{action}")
	@Operation(summary = "处理动作：submit（提交）、instruction（领导批示：text，yes=同意/退回）、reply（回复：text, way）、"
			+ "return-visit（回访：yes=满意, text）、close（关闭：text=经验总结）、transfer（转交：handlerId, text=原因）、"
			+ "appointment（约时：at, text）、wait / resume（等待业主/恢复计时）")
	ResponseEntity<ComplaintViews.Detail> act(@PathVariable long id, @PathVariable String action,
			@RequestBody(required = false) Action body, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
		long version = version(ifMatch);
		Action a = body == null ? new Action(null, null, null, null, null) : body;
		ComplaintAction taken = ComplaintAction.ofPath(action, a.yes())
			.orElseThrow(() -> new NotFoundException("complaint.api.unknownAction"));
		management.perform(id, taken, new ComplaintManagement.ActionInput(a.text(), a.way(), a.handlerId(), a.at()), version);
		return current(id);
	}

	/**
	 * One action the caller may take now and the call that takes it: method, path and, for a two-way decision, the
	 * {@code yes} it sends; method and path are null for an action taken on the pages only.
	 */
	record AllowedAction(ComplaintAction action, String method, String path, Boolean yes) {
	}

	/** What the caller may do to the complaint now: the transition table's actions for its state and this caller. */
	record Actions(long id, ComplaintState state, long version, List<AllowedAction> actions) {
	}

	@GetMapping("/{id}/actions")
	@Operation(summary = "当前可进行的处理动作：按投诉状态和调用者权限，与页面显示的按钮一致；method、path、yes 为对应的接口调用")
	ResponseEntity<Actions> actions(@PathVariable long id) {
		ComplaintManagement.ComplaintSummary d = management.summary(id)
			.orElseThrow(() -> new NotFoundException("complaint.notFound"));
		String at = "/api/v1/complaints/" + id;
		List<AllowedAction> allowed = management.allowedActions(id).stream()
			.map(a -> call(a, at))
			.toList();
		return ResponseEntity.ok().eTag("\"" + d.version() + "\"").body(new Actions(id, d.state(), d.version(), allowed));
	}

	private static AllowedAction call(ComplaintAction a, String at) {
		return switch (a) {
			case EDIT_INTAKE, ANALYSE -> new AllowedAction(a, "PUT", at, null);
			case FOLLOW_UP -> new AllowedAction(a, "POST", at + "/followups", null);
			default -> a.path() == null ? new AllowedAction(a, null, null, null)
					: new AllowedAction(a, "POST", at + "/actions/" + a.path(), a.yes());
		};
	}

	@GetMapping("/categories")
	List<ComplaintViews.Category> categories() {
		return queries.categories();
	}

}
