package io.estatedesk.community;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.estatedesk.shared.ChangedMeanwhile;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/** What the community pages read from a posted form: dates, ids, the version, and which error is shown. */
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

	static LocalDate date(String s, String field, Map<String, String> errors) {
		if (s == null || s.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(s.strip());
		}
		catch (DateTimeParseException e) {
			errors.put(field, "community.date.invalid");
			return null;
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

	static long version(Map<String, String> p) {
		Long v = id(p.get("version"));
		if (v == null) {
			throw new ChangedMeanwhile(List.of());
		}
		return v;
	}

	/** Errors of the service, where the page's own parse errors (a date that is no date) take precedence. */
	static Map<String, String> merge(Map<String, String> service, Map<String, String> parse) {
		Map<String, String> all = new LinkedHashMap<>(service);
		all.putAll(parse);
		return all;
	}
}
