package io.estatedesk.repair;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.estatedesk.shared.InvalidInputException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The versioned warranty rule sets. A change never edits a version: it saves a new one that takes effect on a day, so
 * every work order's decision can be explained by the version in force when the item was reported.
 */
@Component
class WarrantyRules {

	record RuleSet(long id, int versionNo, LocalDate effectiveFrom, String note, String createdBy) {
	}

	private final JdbcTemplate jdbc;

	WarrantyRules(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	List<RuleSet> versions() {
		return jdbc.query("select * from warranty_rule_set order by version_no desc", (rs, i) -> new RuleSet(rs.getLong("id"),
				rs.getInt("version_no"), rs.getObject("effective_from", LocalDate.class), rs.getString("note"),
				rs.getString("created_by")));
	}

	/** The rules of the version in force on {@code day} (the first version for days before it). */
	List<Warranty.Rule> inForce(LocalDate day) {
		return jdbc.query("""
				select r.*, s.version_no from warranty_rule r join warranty_rule_set s on s.id = r.rule_set_id
				where s.id = coalesce(
				  (select id from warranty_rule_set where effective_from <= ? order by effective_from desc, version_no desc limit 1),
				  (select id from warranty_rule_set order by version_no limit 1))
				order by r.sort_order, r.id""", (rs, i) -> new Warranty.Rule(rs.getString("component"), rs.getString("name"),
				(Long) rs.getObject("trade_id"), Warranty.PeriodKind.valueOf(rs.getString("period_kind")),
				(Integer) rs.getObject("period"),
				monthDay(rs.getString("season_start")), monthDay(rs.getString("season_end")), rs.getString("basis"),
				rs.getInt("version_no")), day);
	}

	Optional<Warranty.Rule> rule(String component, LocalDate day) {
		if (component == null || component.isBlank()) {
			return Optional.empty();
		}
		return inForce(day).stream().filter(r -> r.component().equals(component)).findFirst();
	}

	private static MonthDay monthDay(String s) {
		return s == null ? null : MonthDay.parse("--" + s.strip());
	}

	/**
	 * One line of a new version as an administrator enters it; {@code kind} is null when what was sent is not a unit,
	 * {@code period} -1 when it is not a number.
	 */
	record RuleLine(String component, String name, Long tradeId, Warranty.PeriodKind kind, Integer period,
			String seasonStart, String seasonEnd, String basis) {
	}

	/**
	 * Saves a new version taking effect on {@code effectiveFrom}; returns its number. Every statutory component must be
	 * in it, counted in the law's unit (heating in heating seasons, the structure for the design life, the others in
	 * years or months) and not shorter than the law's minimum; errors are keyed {@code rules[i].field} by line.
	 */
	@Transactional
	int saveVersion(LocalDate effectiveFrom, String note, List<RuleLine> lines, String actor) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (effectiveFrom == null) {
			errors.put("effectiveFrom", "warranty.effectiveFrom.required");
		}
		java.util.Set<String> present = new java.util.HashSet<>();
		for (int i = 0; i < lines.size(); i++) {
			RuleLine l = lines.get(i);
			String at = "rules[" + i + "].";
			if (!present.add(l.component())) {
				errors.put(at + "name", "warranty.component.duplicate");
			}
			if (l.name() == null || l.name().isBlank()) {
				errors.put(at + "name", "warranty.name.required");
			}
			Warranty.Statutory law = Warranty.STATUTORY.get(l.component());
			if (l.kind() == null) {
				errors.put(at + "kind", "warranty.kind.required");
				continue;
			}
			if (law != null && !law.units().contains(l.kind())) {
				errors.put(at + "kind", "warranty.kind.statutory." + law.unit());
				continue;
			}
			if (l.kind() != Warranty.PeriodKind.DESIGN_LIFE) {
				if (l.period() == null || l.period() <= 0) {
					errors.put(at + "period", "warranty.period.invalid");
				}
				else if (law != null && !law.reaches(l.kind(), l.period())) {
					errors.put(at + "period", "warranty.period.belowMinimum");
				}
			}
			if (l.kind().seasons() && (parse(l.seasonStart()) == null || parse(l.seasonEnd()) == null)) {
				errors.put(at + "season", "warranty.season.invalid");
			}
		}
		for (String component : Warranty.STATUTORY.keySet()) {
			if (!present.contains(component)) {
				errors.put("statutory." + component, "warranty.statutory.missing." + component);
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		int version = jdbc.queryForObject("select coalesce(max(version_no), 0) + 1 from warranty_rule_set", Integer.class);
		long setId = jdbc.queryForObject("""
				insert into warranty_rule_set (version_no, effective_from, note, created_by) values (?, ?, ?, ?) returning id""",
				Long.class, version, effectiveFrom, note == null ? "" : note.strip(), actor);
		int order = 0;
		for (RuleLine l : lines) {
			boolean seasons = l.kind().seasons();
			jdbc.update("""
					insert into warranty_rule (rule_set_id, component, name, trade_id, period_kind, period, season_start,
					  season_end, basis, sort_order) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", setId, l.component(),
					l.name().strip(), l.tradeId(), l.kind().name(), l.kind() == Warranty.PeriodKind.DESIGN_LIFE ? null : l.period(),
					seasons ? parse(l.seasonStart()).toString().substring(2) : null,
					seasons ? parse(l.seasonEnd()).toString().substring(2) : null, l.basis() == null ? "" : l.basis().strip(),
					++order);
		}
		return version;
	}

	private static MonthDay parse(String s) {
		try {
			return s == null || s.isBlank() ? null : monthDay(s);
		}
		catch (java.time.format.DateTimeParseException e) {
			return null;
		}
	}

}
