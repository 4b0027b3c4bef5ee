package io.estatedesk.repair;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.WorkCalendar;
import io.estatedesk.shared.WorkingTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Trades with their due times, the repair settings, and the due dates they give on the work calendar. */
@Component
class RepairRules {

	/** A trade (工种) and how fast its repairs are due. */
	record Trade(long id, String code, String name, int normalDays, int emergencyHours, boolean active) {
	}

	private final JdbcTemplate jdbc;

	private final WorkCalendar calendar;

	RepairRules(JdbcTemplate jdbc, WorkCalendar calendar) {
		this.jdbc = jdbc;
		this.calendar = calendar;
	}

	List<Trade> trades() {
		return jdbc.query("select * from repair_trade order by sort_order, id", (rs, i) -> new Trade(rs.getLong("id"),
				rs.getString("code"), rs.getString("name"), rs.getInt("normal_days"), rs.getInt("emergency_hours"),
				rs.getBoolean("active")));
	}

	Optional<Trade> trade(long id) {
		return trades().stream().filter(t -> t.id() == id).findFirst();
	}

	/**
	 * When a repair reported at {@code reportedAt} is due: an emergency within the trade's hours, day or night; a
	 * normal repair within the trade's working days on the work calendar.
	 */
	Instant due(Trade trade, Urgency urgency, Instant reportedAt) {
		if (urgency == Urgency.EMERGENCY) {
			return reportedAt.plus(Duration.ofHours(trade.emergencyHours()));
		}
		WorkingTime wt = calendar.workingTime();
		return wt.plusWorkingMinutes(reportedAt, trade.normalDays() * wt.minutesPerDay());
	}

	/** The due date after a hold from {@code pausedAt} to {@code resumedAt}: the clock stood still meanwhile. */
	Instant shifted(Instant due, Urgency urgency, Instant pausedAt, Instant resumedAt) {
		if (urgency == Urgency.EMERGENCY) {
			return due.plus(Duration.between(pausedAt, resumedAt));
		}
		WorkingTime wt = calendar.workingTime();
		return wt.plusWorkingMinutes(due, wt.workingMinutesBetween(pausedAt, resumedAt));
	}

	@Transactional
	void saveTrade(long id, Integer normalDays, Integer emergencyHours, boolean active) {
		if (normalDays == null || normalDays < 1 || normalDays > 365) {
			throw new InvalidInputException(java.util.Map.of("normalDays", "trade.normalDays.invalid"));
		}
		if (emergencyHours == null || emergencyHours < 1 || emergencyHours > 72) {
			throw new InvalidInputException(java.util.Map.of("emergencyHours", "trade.emergencyHours.invalid"));
		}
		jdbc.update("update repair_trade set normal_days = ?, emergency_hours = ?, active = ? where id = ?", normalDays,
				emergencyHours, active, id);
	}

	String setting(String key, String fallback) {
		return jdbc.queryForList("select value from repair_setting where key = ?", String.class, key).stream().findFirst()
			.orElse(fallback);
	}

	int intSetting(String key, int fallback) {
		try {
			return Integer.parseInt(setting(key, String.valueOf(fallback)).strip());
		}
		catch (NumberFormatException e) {
			return fallback;
		}
	}

	int warnMinutes() {
		return intSetting("warn.minutes", 120);
	}

	/** Share of completed repairs that get a return call (SPEC: at least 30 %). */
	int returnRate() {
		return intSetting("return.rate", 30);
	}

	int returnDays() {
		return intSetting("return.days", 3);
	}

	@Transactional
	void saveSettings(Integer warnMinutes, Integer returnRate, Integer returnDays) {
		java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
		if (warnMinutes == null || warnMinutes < 0 || warnMinutes > 7 * 24 * 60) {
			errors.put("warnMinutes", "repair.settings.warnMinutes.invalid");
		}
		if (returnRate == null || returnRate < 30 || returnRate > 100) {
			errors.put("returnRate", "repair.settings.returnRate.invalid");
		}
		if (returnDays == null || returnDays < 1 || returnDays > 30) {
			errors.put("returnDays", "repair.settings.returnDays.invalid");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		put("warn.minutes", warnMinutes);
		put("return.rate", returnRate);
		put("return.days", returnDays);
	}

	private void put(String key, Object value) {
		jdbc.update("insert into repair_setting (key, value) values (?, ?) on conflict (key) do update set value = excluded.value",
				key, String.valueOf(value));
	}

}
