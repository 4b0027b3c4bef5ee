package io.estatedesk.community;

import java.net.URI;
import java.util.List;

import io.estatedesk.shared.ApiController;
import io.estatedesk.shared.Paged;
import io.estatedesk.shared.Slice;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/** 社区活动 through the API: list, plan, sign owners up (or onto the waiting list) and cancel sign-ups. */
@ApiController("/api/v1")
@Tag(name = "社区活动", description = "社区文化活动、报名与候补")
@PreAuthorize("hasAuthority('COMMUNITY_VIEW')")
class CommunityApi {

	private final Activities activities;

	CommunityApi(Activities activities) {
		this.activities = activities;
	}

	@GetMapping("/activities")
	@Operation(summary = "活动列表：按状态、项目、推广计划、标题或地点筛选；分页不统计总数")
	Slice<Activities.Activity> list(@RequestParam(required = false) Activities.State state,
			@RequestParam(required = false) Long projectId, @RequestParam(required = false) Long planId,
			@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return activities.list(state, projectId, planId, q, Paged.page(page), Paged.size(size));
	}

	@GetMapping("/activities/{id}")
	@Operation(summary = "活动及其小结：报名、候补、到场率、平均评分、预算与实际费用")
	Activities.Summary get(@PathVariable long id) {
		return activities.summary(id);
	}

	/** What the caller may do to the activity now, and its version to send back. */
	record Actions(long id, Activities.State state, long version, java.util.Set<ActivityAction> actions) {
	}

	@GetMapping("/activities/{id}/actions")
	@Operation(summary = "当前可进行的操作：按活动状态和调用者权限，与页面显示的按钮一致")
	ResponseEntity<Actions> actions(@PathVariable long id) {
		// the activity alone, not its summary with every sign-up
		Activities.Activity a = activities.get(id);
		return ResponseEntity.ok().eTag("\"" + a.version() + "\"")
			.body(new Actions(id, a.state(), a.version(), activities.allowedFor(a)));
	}

	@PostMapping("/activities")
	@PreAuthorize("hasAuthority('COMMUNITY_EDIT')")
	@Operation(summary = "制订活动计划（状态为计划中）；budget、capacity 为数字或数字文本")
	ResponseEntity<Activities.Activity> create(@RequestBody Activities.ActivityForm form) {
		long id = activities.create(form);
		return ResponseEntity.created(URI.create("/api/v1/activities/" + id)).body(activities.get(id));
	}

	@GetMapping("/activities/{id}/signups")
	@Operation(summary = "已报名和候补（按候补顺序）")
	List<Activities.SignUp> signUps(@PathVariable long id) {
		activities.get(id);
		return java.util.stream.Stream.concat(activities.signUps(id, Activities.Status.CONFIRMED).stream(),
				activities.signUps(id, Activities.Status.WAITING).stream()).toList();
	}

	@PostMapping("/activities/{id}/signups")
	@PreAuthorize("hasAuthority('COMMUNITY_EDIT')")
	@Operation(summary = "为业主报名（活动须为报名中）；名额已满时进入候补，status=WAITING 并给出候补顺位")
	ResponseEntity<Activities.SignUp> signUp(@PathVariable long id, @RequestBody Activities.SignUpForm form) {
		Activities.SignUp s = activities.signUp(id, form);
		return ResponseEntity.created(URI.create("/api/v1/activities/" + id + "/signups/" + s.id())).body(s);
	}

	@PostMapping("/activities/{id}/signups/{signUpId}/cancel")
	@PreAuthorize("hasAuthority('COMMUNITY_EDIT')")
	@Operation(summary = "取消报名；空出的名额按顺序由候补递补，返回递补成功的报名")
	List<Activities.SignUp> cancel(@PathVariable long id, @PathVariable long signUpId) {
		return activities.cancel(id, signUpId);
	}

}
