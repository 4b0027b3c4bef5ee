package io.estatedesk.community;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import io.estatedesk.shared.InvalidInputException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.BindingResult;
import org.springframework.web.multipart.MultipartFile;

/** The form records of the community pages, and how a facade's errors are put next to their fields. */
final class CommunityForms {

	private CommunityForms() {
	}

	/** 制订活动计划 and its editing: the facts of an activity as typed (amount and places as text, checked by the facade). */
	record ActivityEditForm(
			@NotBlank(message = "{community.activity.title.required}") @Size(max = 100, message = "{input.tooLong}") String title,
			Long projectId, Long planId,
			@NotNull(message = "{community.activity.startsAt.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
			@NotBlank(message = "{community.activity.place.required}") @Size(max = 200, message = "{input.tooLong}") String place,
			@Size(max = 20, message = "{input.tooLong}") String budget,
			@NotBlank(message = "{community.activity.capacity.required}")
			@Pattern(regexp = "\\s*[0-9]{1,6}\\s*", message = "{community.activity.capacity.invalid}") String capacity,
			Long responsibleId,
			@Size(max = 5000, message = "{input.tooLong}") String description, Long version) {

		static ActivityEditForm of(Activities.Activity a) {
			return new ActivityEditForm(a.title(), a.projectId(), a.planId(), a.startsAtLocal(), a.place(),
					a.budget().stripTrailingZeros().toPlainString(), Integer.toString(a.capacity()), a.responsibleId(),
					a.description(), a.version());
		}

		Activities.ActivityForm toActivity() {
			return new Activities.ActivityForm(title, projectId, planId, startsAt, place, budget, capacity, responsibleId,
					description);
		}

	}

	/** 推广计划, new or edited. */
	record PlanEditForm(
			@NotBlank(message = "{community.plan.title.required}") @Size(max = 100, message = "{input.tooLong}") String title,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodFrom,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodTo,
			@Size(max = 5000, message = "{input.tooLong}") String goal, @Size(max = 20, message = "{input.tooLong}") String budget,
			@Size(max = 2000, message = "{input.tooLong}") String notes, Long version) {

		static PlanEditForm of(Activities.Plan p) {
			return new PlanEditForm(p.title(), p.periodFrom(), p.periodTo(), p.goal(),
					p.budget().stripTrailingZeros().toPlainString(), p.notes(), p.version());
		}

		Activities.PlanForm toPlan() {
			return new Activities.PlanForm(title, periodFrom, periodTo, goal, budget, notes);
		}

	}

	/** 登记费用: the actual cost as typed (checked by the facade) and the version it was read at. */
	record CostForm(@Size(max = 20, message = "{input.tooLong}") String actualCost, Long version) {

		static CostForm of(Activities.Activity a) {
			return new CostForm(a.actualCost() == null ? null : a.actualCost().toPlainString(), a.version());
		}

	}

	/**
	 * 为业主报名: the search typed ({@code q}, kept so the owners found stay on the page after a mistake), the owner
	 * and home picked from the results ({@code ownerId:unitId}), the party's size and a note.
	 */
	record SignUpForm(@Size(max = 40, message = "{input.tooLong}") String q, String pick, Integer people,
			@Size(max = 300, message = "{input.tooLong}") String notes) {

		static SignUpForm empty() {
			return new SignUpForm(null, null, null, null);
		}

		Long ownerId() {
			return pick == null || !pick.contains(":") ? null : id(pick.split(":", -1)[0]);
		}

		Long unitId() {
			return pick == null || !pick.contains(":") ? null : id(pick.split(":", -1)[1]);
		}

		Activities.SignUpForm toSignUp() {
			return new Activities.SignUpForm(ownerId(), unitId(), people, notes);
		}

	}

	/** The longest 意见反馈 kept. */
	static final int FEEDBACK_MAX = 1000;

	/**
	 * 保存到场与评分: one row per confirmed sign-up shown ({@code marks[i].signUpId}, {@code .attended} yes | no | blank,
	 * {@code .score} 1–5 as text, {@code .feedback}), so after a mistake every row comes back as it was left.
	 */
	record AttendanceForm(@Valid List<MarkRow> marks) {

		record MarkRow(Long signUpId, String attended, String score,
				@Size(max = FEEDBACK_MAX, message = "{input.tooLong}") String feedback) {
		}

		static AttendanceForm of(List<Activities.SignUp> confirmed) {
			return new AttendanceForm(confirmed.stream()
				.map(g -> new MarkRow(g.id(), g.attended() == null ? "" : g.attended() ? "yes" : "no",
						g.score() == null ? "" : g.score().toString(), g.feedback()))
				.toList());
		}

		/** The rows, none when nothing was posted. */
		public List<MarkRow> rows() {
			return marks == null ? List.of() : marks;
		}

	}

	/** 上传照片: the file and its caption (kept as typed when the file is refused). */
	record PhotoForm(MultipartFile file, @Size(max = 200, message = "{input.tooLong}") String caption) {
	}

	/**
	 * 关怀规则, new or edited: the days typed as text (read by the rule's checks, so "七" says 请输入数字 under its
	 * field and stays), the festival's date as typed, and the version it was read at.
	 */
	record RuleEditForm(
			@NotBlank(message = "{community.care.name.required}") @Size(max = CarePlans.NAME_MAX, message = "{input.tooLong}") String name,
			CarePlans.Kind kind, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate festivalDate, String daysAhead,
			@NotBlank(message = "{community.care.template.required}") @Size(max = CarePlans.TEMPLATE_MAX, message = "{input.tooLong}") String template,
			Long projectId, Boolean active, Long version) {

		static RuleEditForm of(CarePlans.Rule r) {
			return new RuleEditForm(r.name(), r.kind(), r.festivalDate(), Integer.toString(r.daysAhead()), r.template(),
					r.projectId(), r.active(), r.version());
		}

		CarePlans.RuleForm toRule() {
			return new CarePlans.RuleForm(name, kind, festivalDate, daysAhead, template, projectId, Boolean.TRUE.equals(active));
		}

	}

	static Long id(String s) {
		if (s == null || s.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(s.strip());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}
}
