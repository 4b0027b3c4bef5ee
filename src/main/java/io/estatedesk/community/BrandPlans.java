package io.estatedesk.community;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.estatedesk.community.Activities.Plan;
import io.estatedesk.community.Activities.PlanForm;
import io.estatedesk.shared.ChangedMeanwhile;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.NotFoundException;
import io.estatedesk.shared.Strings;
import io.estatedesk.staff.Permissions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** 品牌推广计划 (部门经理职责 (5)): a period's goal and budget, and what its activities cost and drew. */
@Component
class BrandPlans {

	private final JdbcTemplate jdbc;

	private final Permissions permissions;

	BrandPlans(JdbcTemplate jdbc, Permissions permissions) {
		this.jdbc = jdbc;
		this.permissions = permissions;
	}

	long create(PlanForm f) {
		BigDecimal budget = validate(f);
		return jdbc.queryForObject("""
				insert into brand_plan (title, period_from, period_to, goal, budget, notes, created_by)
				values (?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, f.title().strip(), f.periodFrom(), f.periodTo(),
				text(f.goal()), budget, text(f.notes()), permissions.currentUsername());
	}

	void update(long id, PlanForm f, long version) {
		plan(id).orElseThrow(() -> new NotFoundException("community.plan.notFound"));
		BigDecimal budget = validate(f);
		if (jdbc.update("""
				update brand_plan set title = ?, period_from = ?, period_to = ?, goal = ?, budget = ?, notes = ?,
				  version = version + 1 where id = ? and version = ?""", f.title().strip(), f.periodFrom(), f.periodTo(),
				text(f.goal()), budget, text(f.notes()), id, version) == 0) {
			// a plan keeps no history: the page shows it as it is now
			throw new ChangedMeanwhile(List.of());
		}
	}

	private static String text(String s) {
		return Strings.orEmpty(Strings.stripped(s));
	}

	private BigDecimal validate(PlanForm f) {
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, Object[]> limits = new LinkedHashMap<>();
		if (Strings.blankToNull(f.title()) == null) {
			errors.put("title", "community.plan.title.required");
		}
		else if (f.title().strip().length() > 100) {
			errors.put("title", "input.tooLongAt");
			limits.put("title", new Object[] { 100 });
		}
		if (f.periodFrom() == null) {
			errors.put("periodFrom", "community.plan.period.required");
		}
		if (f.periodTo() == null) {
			errors.put("periodTo", "community.plan.period.required");
		}
		else if (f.periodFrom() != null && f.periodTo().isBefore(f.periodFrom())) {
			errors.put("periodTo", "community.plan.period.order");
		}
		BigDecimal budget = CommunityInput.amount(f.budget(), "budget", errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors, limits);
		}
		return budget == null ? BigDecimal.ZERO : budget;
	}

	private static final String PLAN_SELECT = """
			select bp.*, coalesce(t.n, 0) n, coalesce(t.budget, 0) activities_budget, coalesce(t.cost, 0) activities_cost,
			       coalesce(t.participants, 0) participants
			from brand_plan bp left join lateral (
			  select count(*) n, sum(a.budget) filter (where a.state <> 'CANCELLED') budget, sum(a.actual_cost) cost,
			         sum((select coalesce(sum(g.people), 0) from activity_signup g
			              where g.activity_id = a.id and g.status = 'CONFIRMED' and g.attended)) participants
			  from activity a where a.plan_id = bp.id) t on true""";

	List<Plan> plans() {
		return jdbc.query(PLAN_SELECT + " order by bp.period_from desc, bp.id desc limit 200", (rs, i) -> plan(rs));
	}

	Optional<Plan> plan(long id) {
		return jdbc.query(PLAN_SELECT + " where bp.id = ?", (rs, i) -> plan(rs), id).stream().findFirst();
	}

	private static Plan plan(ResultSet rs) throws SQLException {
		return new Plan(rs.getLong("id"), rs.getString("title"), rs.getObject("period_from", LocalDate.class),
				rs.getObject("period_to", LocalDate.class), rs.getString("goal"), rs.getBigDecimal("budget"),
				rs.getString("notes"), rs.getLong("version"), rs.getLong("n"), rs.getBigDecimal("activities_budget"),
				rs.getBigDecimal("activities_cost"), rs.getLong("participants"));
	}

}
