package io.estatedesk.survey;

import io.estatedesk.shared.BusinessClock;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.estatedesk.shared.ApiController;
import io.estatedesk.shared.ChangedMeanwhile;
import io.estatedesk.shared.Paged;
import io.estatedesk.shared.Slice;
import io.estatedesk.staff.ConfidentialNumbers;
import io.estatedesk.staff.Permissions;
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

/** 回访 and 满意度调查 through the API: tasks and their results, templates, campaigns, answers and results. */
@ApiController("/api/v1")
@Tag(name = "回访与调查", description = "回访任务、问卷模板、调查活动、答卷与结果")
class SurveyApi {

	private final ReturnCalls calls;

	private final Surveys surveys;

	private final Permissions permissions;

	private final ConfidentialNumbers numbers;

	SurveyApi(ReturnCalls calls, Surveys surveys, Permissions permissions, ConfidentialNumbers numbers) {
		this.numbers = numbers;
		this.calls = calls;
		this.surveys = surveys;
		this.permissions = permissions;
	}

	@GetMapping("/return-calls")
	@PreAuthorize("hasAuthority('RETURN_CALL')")
	@Operation(summary = "回访任务：待回访（done=false，按时限）或已结束；mine=true 只看本人的；联系电话默认遮蔽，reveal=true 需“查看完整号码”权限并记录")
	Slice<ReturnCalls.Task> returnCalls(@RequestParam(defaultValue = "false") boolean done,
			@RequestParam(defaultValue = "false") boolean mine, @RequestParam(required = false) ReturnCalls.Kind kind,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(defaultValue = "false") boolean reveal) {
		Slice<ReturnCalls.Task> tasks = calls.tasks(ReturnCalls.TaskFilter.of(done,
				mine ? permissions.currentStaffId().orElse(-1L) : null, kind, null, null), Paged.page(page), Paged.size(size));
		return numbers.revealList(reveal, "回访任务", tasks.items().stream().map(ReturnCalls.Task::id).toList(), "API")
				? tasks : tasks.map(ReturnCalls.Task::masked);
	}

	@GetMapping("/return-calls/{id}")
	@PreAuthorize("hasAuthority('RETURN_CALL')")
	@Operation(summary = "一个回访任务及其各次回访；联系电话默认遮蔽，reveal=true 需“查看完整号码”权限并记录")
	ResponseEntity<Map<String, Object>> returnCall(@PathVariable long id, @RequestParam(defaultValue = "false") boolean reveal) {
		ReturnCalls.Task t = calls.task(id);
		ReturnCalls.Task shown = numbers.reveal(reveal, "回访 " + t.caseCode() + " " + t.contactName(), "API；联系电话") ? t
				: t.masked();
		return ResponseEntity.ok().eTag("\"" + t.version() + "\"").body(Map.of("task", shown, "attempts", calls.attempts(id)));
	}

	record Attempt(Boolean reached, Boolean satisfied, String comment) {
	}

	@PostMapping("/return-calls/{id}/attempts")
	@PreAuthorize("hasAuthority('RETURN_CALL')")
	@Operation(summary = "记录一次回访：reached=false 未联系上（第3次后结束）；reached=true 需 satisfied 与 comment，不满意则重新打开投诉或维修工单")
	ResponseEntity<Map<String, Object>> attempt(@PathVariable long id, @RequestBody Attempt body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		calls.record(id, Boolean.TRUE.equals(body.reached()), body.satisfied(), body.comment(), ChangedMeanwhile.ifMatch(ifMatch));
		return returnCall(id, false);
	}

	@GetMapping("/return-calls/statistics")
	@PreAuthorize("hasAuthority('RETURN_CALL')")
	Map<String, List<ReturnCalls.Rate>> rates(@RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to) {
		LocalDate today = BusinessClock.today();
		LocalDate f = from != null ? from : today.withDayOfMonth(1);
		LocalDate t = to != null ? to : today;
		return Map.of("byStaff", calls.rates(f, t, false), "byProject", calls.rates(f, t, true));
	}

	@GetMapping("/surveys/templates")
	@PreAuthorize("hasAuthority('SURVEY_VIEW')")
	List<Surveys.Template> templates() {
		return surveys.templates();
	}

	@GetMapping("/surveys/campaigns")
	@PreAuthorize("hasAuthority('SURVEY_VIEW')")
	List<Surveys.Campaign> campaigns() {
		return surveys.campaigns();
	}

	record CampaignBody(Long templateId, String name, Surveys.Audience audience, Long projectId) {
	}

	@PostMapping("/surveys/campaigns")
	@PreAuthorize("hasAuthority('SURVEY_MANAGE')")
	@Operation(summary = "发起调查：调查对象在数据库中选定，每人一个一次性链接 /s/{token}")
	ResponseEntity<Surveys.Campaign> createCampaign(@RequestBody CampaignBody body) {
		long id = surveys.createCampaign(body.templateId(), body.name(), body.audience(), body.projectId());
		return ResponseEntity.created(URI.create("/api/v1/surveys/campaigns/" + id)).body(surveys.campaign(id));
	}

	@GetMapping("/surveys/campaigns/{id}")
	@PreAuthorize("hasAuthority('SURVEY_VIEW')")
	@Operation(summary = "调查结果：回答率、满意度指数（0–100）、推荐指数（NPS），各题结果，按项目和按月")
	Map<String, Object> campaign(@PathVariable long id) {
		return Map.of("campaign", surveys.campaign(id), "summary", surveys.summary(id), "questions", surveys.results(id),
				"byProject", surveys.breakdown(id, false), "byMonth", surveys.breakdown(id, true));
	}

	@GetMapping("/surveys/campaigns/{id}/targets")
	@PreAuthorize("hasAuthority('SURVEY_MANAGE')")
	@Operation(summary = "调查对象与个人链接（token），如需短信发送；unanswered=true 只列未回答的；手机号码默认遮蔽，reveal=true 需“查看完整号码”权限并记录")
	List<Surveys.Target> targets(@PathVariable long id, @RequestParam(defaultValue = "true") boolean unanswered,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(defaultValue = "false") boolean reveal) {
		int s = Paged.size(size);
		List<Surveys.Target> list = surveys.targets(id, unanswered, Paged.page(page), s);
		List<Surveys.Target> shown = list.size() > s ? list.subList(0, s) : list;
		return numbers.revealList(reveal, "调查对象", shown.stream().map(Surveys.Target::id).toList(), "API；调查活动#" + id)
				? shown : shown.stream().map(Surveys.Target::masked).toList();
	}

	@PostMapping("/surveys/targets/{id}/answers")
	@PreAuthorize("hasAuthority('RETURN_CALL')")
	@Operation(summary = "电话调查的答卷：题目 id → {score | choices | text}；已回答过的返回 answered=false")
	Map<String, Boolean> answer(@PathVariable long id, @RequestBody Map<Long, Surveys.Answer> answers) {
		return Map.of("answered", surveys.answer(id, answers, permissions.currentUsername()));
	}

}
