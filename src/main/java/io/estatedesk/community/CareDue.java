package io.estatedesk.community;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.estatedesk.complaint.ComplaintFigures;
import io.estatedesk.estate.ArchiveLookup;
import io.estatedesk.shared.Strings;
import io.estatedesk.shared.Masking;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.estatedesk.shared.Texts;

/**
 * Who is due for a greeting under a care rule, found in the database (birthdays, handover anniversaries, festivals)
 * or from the complaint module (long-open complaints), with the greeting filled in.
 */
@Component
class CareDue {

	private final JdbcTemplate jdbc;

	private final ArchiveLookup archive;

	private final ComplaintFigures complaints;

	CareDue(JdbcTemplate jdbc, ArchiveLookup archive, ComplaintFigures complaints) {
		this.jdbc = jdbc;
		this.archive = archive;
		this.complaints = complaints;
	}

	private static final String PLACE = "left join estate_unit_place u on u.id = x.unit_id";

	/**
	 * The owners due under one rule, found in the database: birthdays by the month and day of the 18-digit ID number,
	 * anniversaries by the unit's handover day (from the first anniversary on), a festival for every current owner.
	 * 29 February falls on 28 February in a common year.
	 */
	List<CarePlans.Due> due(CarePlans.Rule rule, LocalDate today, int limit) {
		if (rule.kind() == CarePlans.Kind.LONG_OPEN) {
			return longOpen(rule, today, limit);
		}
		LocalDate last = today.plusDays(rule.daysAhead());
		List<Object> args = new ArrayList<>();
		String inner;
		switch (rule.kind()) {
			case BIRTHDAY -> {
				inner = """
						select o.id owner_id, o.name owner_name, o.mobile, s.unit_id,
						       community_next(substr(o.id_number, 11, 2)::int, substr(o.id_number, 13, 2)::int, ?) occasion
						from estate_owner o join lateral (select unit_id from estate_ownership s where s.owner_id = o.id and s.active %s
						                           order by s.id limit 1) s on true
						where o.id_number ~ '^[0-9]{17}[0-9Xx]$' and substr(o.id_number, 11, 4) = any(?)"""
					.formatted(rule.projectId() == null ? "" : "and s.project_id = ?");
				args.add(today);
				if (rule.projectId() != null) {
					args.add(rule.projectId());
				}
				args.add(monthDays(today, last).stream().map(md -> "%04d".formatted(md)).toArray(String[]::new));
			}
			case HANDOVER -> {
				inner = """
						select o.id owner_id, o.name owner_name, o.mobile, u.id unit_id,
						       community_next(extract(month from u.handover_date)::int, extract(day from u.handover_date)::int, ?) occasion,
						       u.handover_date
						from estate_unit_place u join estate_ownership s on s.unit_id = u.id and s.active join estate_owner o on o.id = s.owner_id
						where u.handover_date is not null
						  and (extract(month from u.handover_date)::int * 100 + extract(day from u.handover_date)::int) = any(?) %s"""
					.formatted(rule.projectId() == null ? "" : "and u.project_id = ?");
				args.add(today);
				args.add(monthDays(today, last).toArray(Integer[]::new));
				if (rule.projectId() != null) {
					args.add(rule.projectId());
				}
			}
			default -> {
				if (rule.festivalDate() == null || rule.festivalDate().isBefore(today) || rule.festivalDate().isAfter(last)) {
					return List.of();
				}
				inner = """
						select o.id owner_id, o.name owner_name, o.mobile, s.unit_id, ?::date occasion
						from estate_owner o join lateral (select unit_id from estate_ownership s where s.owner_id = o.id and s.active %s
						                           order by s.id limit 1) s on true"""
					.formatted(rule.projectId() == null ? "" : "and s.project_id = ?");
				args.add(rule.festivalDate());
				if (rule.projectId() != null) {
					args.add(rule.projectId());
				}
			}
		}
		boolean perUnit = rule.kind() == CarePlans.Kind.HANDOVER;
		String sql = """
				select x.*, u.label unit_label from (%s) x %s
				where x.occasion between ? and ? %s
				  and not exists (select 1 from care_record r where r.rule_id = ? and r.owner_id = x.owner_id
				                  and coalesce(r.unit_id, 0) = %s and r.year = extract(year from x.occasion)::int)
				order by x.occasion, x.owner_name, x.owner_id, x.unit_id limit ?"""
			.formatted(inner, PLACE, perUnit ? "and extract(year from x.occasion) > extract(year from x.handover_date)" : "",
					perUnit ? "coalesce(x.unit_id, 0)" : "0");
		args.add(today);
		args.add(last);
		args.add(rule.id());
		args.add(limit);
		return jdbc.query(sql, (rs, i) -> {
			LocalDate occasion = rs.getObject("occasion", LocalDate.class);
			String name = rs.getString("owner_name");
			String label = rs.getString("unit_label");
			return new CarePlans.Due(rule.id(), rs.getLong("owner_id"), name, perUnit ? (Long) rs.getObject("unit_id") : null,
					label == null ? "" : label, Masking.phone(rs.getString("mobile")), occasion,
					ChronoUnit.DAYS.between(today, occasion), render(rule.template(), name, label, occasion));
		}, args.toArray());
	}

	/**
	 * Owners whose complaint has been open for the rule's days or more (from the complaint module, the oldest first),
	 * once per owner and year; the occasion is the day the complaint reached that age.
	 */
	private List<CarePlans.Due> longOpen(CarePlans.Rule rule, LocalDate today, int limit) {
		List<CarePlans.Due> due = new ArrayList<>();
		Set<Long> seen = new java.util.HashSet<>();
		// owner and year of every record of this rule, read once
		Set<String> recorded = new java.util.HashSet<>(jdbc.queryForList(
				"select owner_id || ':' || year from care_record where rule_id = ?", String.class, rule.id()));
		for (ComplaintFigures.LongOpen c : complaints.longOpen(rule.projectId(), rule.daysAhead(), today, limit * 4)) {
			LocalDate occasion = c.receivedOn().plusDays(rule.daysAhead());
			if (!seen.add(c.ownerId()) || recorded.contains(c.ownerId() + ":" + occasion.getYear())) {
				continue;
			}
			ArchiveLookup.OwnerRef owner = archive.owner(c.ownerId()).orElse(null);
			if (owner == null) {
				continue;
			}
			String label = c.unitId() == null ? "" : archive.unit(c.unitId()).map(ArchiveLookup.UnitRef::label).orElse("");
			due.add(new CarePlans.Due(rule.id(), owner.id(), owner.name(), null, label, Masking.phone(owner.mobile()), occasion,
					ChronoUnit.DAYS.between(today, occasion),
					render(rule.template(), owner.name(), label, occasion).replace(Texts.zh("community.care.placeholder.code"), c.code())));
			if (due.size() == limit) {
				break;
			}
		}
		return due;
	}

	/** Month × 100 + day of each day in the window; 29 February joins 28 February of a common year. */
	static Set<Integer> monthDays(LocalDate from, LocalDate to) {
		Set<Integer> days = new LinkedHashSet<>();
		for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
			days.add(d.getMonthValue() * 100 + d.getDayOfMonth());
			if (d.getMonthValue() == 2 && d.getDayOfMonth() == 28 && !d.isLeapYear()) {
				days.add(229);
			}
			if (days.size() > 370) {
				break;
			}
		}
		return days;
	}

	/** The message with {姓名}, {房号} and {日期} filled in. */
	static String render(String template, String name, String unitLabel, LocalDate occasion) {
		return template.replace(Texts.zh("community.care.placeholder.name"), Strings.orEmpty(name))
			.replace(Texts.zh("community.care.placeholder.unit"), Strings.orEmpty(unitLabel))
			.replace(Texts.zh("community.care.placeholder.date"),
					occasion.format(DateTimeFormatter.ofPattern(Texts.zh("community.care.datePattern"))));
	}

}
