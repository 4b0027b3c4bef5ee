package io.estatedesk.frontdesk;

import io.estatedesk.shared.BusinessClock;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.estatedesk.estate.ArchiveLookup;
import io.estatedesk.shared.ApiController;
import io.estatedesk.shared.Masking;
import io.estatedesk.shared.Paged;
import io.estatedesk.shared.Slice;
import io.estatedesk.staff.ConfidentialNumbers;
import jakarta.validation.Valid;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/** 来电 and 来访 through the API (e.g. for a telephone system that reports incoming calls). */
@ApiController("/api/v1")
@Tag(name = "内勤", description = "来电记录与来访登记")
@PreAuthorize("hasAuthority('FRONTDESK_VIEW')")
class FrontDeskApi {

	private final FrontDesk desk;

	private final ArchiveLookup archive;

	private final ConfidentialNumbers numbers;

	FrontDeskApi(FrontDesk desk, ArchiveLookup archive, ConfidentialNumbers numbers) {
		this.desk = desk;
		this.archive = archive;
		this.numbers = numbers;
	}

	@GetMapping("/calls")
	@Operation(summary = "来电记录：按类型、日期、业主、房屋、内容筛选；分页不统计总数；来电号码默认遮蔽，reveal=true 需“查看完整号码”权限并记录")
	Slice<FrontDesk.Call> calls(@RequestParam(required = false) FrontDesk.CallType type,
			@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			@RequestParam(required = false) Long ownerId, @RequestParam(required = false) Long unitId,
			@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(defaultValue = "false") boolean reveal) {
		Slice<FrontDesk.Call> calls = desk.calls(type, from, to, ownerId, unitId, q, Paged.page(page), Paged.size(size));
		return numbers.revealList(reveal, "来电记录", calls.items().stream().map(FrontDesk.Call::id).toList(), "API")
				? calls : calls.map(FrontDesk.Call::masked);
	}

	@GetMapping("/calls/{id}")
	@Operation(summary = "一条来电记录；来电号码默认遮蔽，reveal=true 需“查看完整号码”权限并记录")
	FrontDesk.Call call(@PathVariable long id, @RequestParam(defaultValue = "false") boolean reveal) {
		FrontDesk.Call c = desk.call(id);
		return numbers.reveal(reveal, "来电记录#" + c.id() + " " + c.callerName(), "API；来电号码") ? c : c.masked();
	}

	@GetMapping("/calls/callers")
	@Operation(summary = "按来电号码（4位以上数字）或房号查找档案中的业主；号码默认遮蔽，reveal=true 需“查看完整号码”权限并记录")
	List<ArchiveLookup.Caller> callers(@RequestParam String q, @RequestParam(defaultValue = "false") boolean reveal) {
		List<ArchiveLookup.Caller> callers = archive.callers(q);
		if (numbers.revealList(reveal, "来电查找的业主", callers.stream().map(ArchiveLookup.Caller::ownerId).toList(),
				"API；查找：" + q)) {
			return callers;
		}
		return callers.stream().map(c -> new ArchiveLookup.Caller(c.ownerId(), c.name(), Masking.phone(c.mobile()),
				Masking.phone(c.otherPhone()), c.unitId(), c.projectId(), c.unitLabel())).toList();
	}

	@PostMapping("/calls")
	@PreAuthorize("hasAuthority('FRONTDESK_EDIT')")
	@Operation(summary = "记录来电；type=COMPLAINT 同时受理投诉（categoryId），type=REPAIR 同时生成维修工单（tradeId）")
	ResponseEntity<FrontDesk.Call> record(@Valid @RequestBody FrontDesk.CallForm form) {
		long id = desk.recordCall(form);
		return ResponseEntity.created(URI.create("/api/v1/calls/" + id)).body(desk.call(id).masked());
	}

	@GetMapping("/calls/statistics")
	Map<String, List<FrontDesk.Count>> statistics(@RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to) {
		LocalDate today = BusinessClock.today();
		return desk.statistics(from != null ? from : today.withDayOfMonth(1), to != null ? to : today);
	}

	@GetMapping("/visits")
	@Operation(summary = "某日的来访登记簿（缺省今天）；联系电话默认遮蔽，reveal=true 需“查看完整号码”权限并记录")
	List<FrontDesk.Visit> visits(@RequestParam(required = false) LocalDate day,
			@RequestParam(defaultValue = "false") boolean reveal) {
		LocalDate d = day != null ? day : BusinessClock.today();
		List<FrontDesk.Visit> visits = desk.visits(d);
		return numbers.revealList(reveal, "来访登记簿 " + d, visits.stream().map(FrontDesk.Visit::id).toList(), "API")
				? visits : visits.stream().map(FrontDesk.Visit::masked).toList();
	}

	@PostMapping("/visits")
	@PreAuthorize("hasAuthority('FRONTDESK_EDIT')")
	ResponseEntity<FrontDesk.Visit> visit(@Valid @RequestBody FrontDesk.VisitForm form) {
		long id = desk.recordVisit(form);
		return ResponseEntity.created(URI.create("/api/v1/visits/" + id)).body(desk.visit(id).masked());
	}

	@GetMapping("/visits/{id}")
	@Operation(summary = "一条来访登记；联系电话默认遮蔽，reveal=true 需“查看完整号码”权限并记录")
	FrontDesk.Visit visit(@PathVariable long id, @RequestParam(defaultValue = "false") boolean reveal) {
		FrontDesk.Visit v = desk.visit(id);
		return numbers.reveal(reveal, "来访登记#" + v.id() + " " + v.name(), "API；联系电话") ? v : v.masked();
	}

}
