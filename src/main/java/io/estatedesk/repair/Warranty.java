package io.estatedesk.repair;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Warranty rules and the decision whether an item of a unit is still covered on a given day. */
public final class Warranty {

	private Warranty() {
	}

	/**
	 * The design life a project has unless it records its own: 50 years, that of ordinary buildings
	 * (《民用建筑设计统一标准》GB 50352-2019).
	 */
	public static final int DEFAULT_DESIGN_LIFE_YEARS = 50;

	/** How a period is counted: the unit the law uses for the component. */
	public enum PeriodKind {

		/** years from the handover date */
		YEARS,
		/** months from the handover date */
		MONTHS,
		/** 采暖期: heating seasons, counted from the first that begins on or after the handover date */
		HEATING_SEASONS,
		/** 供冷期: cooling seasons, counted the same way */
		COOLING_SEASONS,
		/** 合理使用年限: the design life of the project's buildings, from the handover date */
		DESIGN_LIFE;

		public boolean seasons() {
			return this == HEATING_SEASONS || this == COOLING_SEASONS;
		}

	}

	/**
	 * A component the law gives a minimum warranty (《建设工程质量管理条例》第四十条, 《房屋建筑工程质量保修办法》第七条), in
	 * the unit the law counts it; {@code minimum} is in that unit (none for the design life). A rule set must keep it,
	 * counted in one of {@code units}, and not shorter.
	 */
	public record Statutory(String component, PeriodKind unit, int minimum, Set<PeriodKind> units) {

		/** Whether a period of {@code period} {@code kind} is at least the legal minimum (the kind being allowed). */
		boolean reaches(PeriodKind kind, int period) {
			return switch (unit) {
				case DESIGN_LIFE -> true;
				case YEARS -> (kind == PeriodKind.YEARS ? period * 12 : period) >= minimum * 12;
				default -> period >= minimum;
			};
		}

	}

	private static Statutory statutory(String component, PeriodKind unit, int minimum) {
		Set<PeriodKind> units = unit == PeriodKind.YEARS ? Set.of(PeriodKind.YEARS, PeriodKind.MONTHS) : Set.of(unit);
		return new Statutory(component, unit, minimum, units);
	}

	/** The statutory components in the law's order, by component code. */
	public static final Map<String, Statutory> STATUTORY;

	static {
		Map<String, Statutory> m = new LinkedHashMap<>();
		// （一）地基基础工程和主体结构工程: 设计文件规定的该工程的合理使用年限
		m.put("STRUCTURE", statutory("STRUCTURE", PeriodKind.DESIGN_LIFE, 0));
		// （二）屋面防水工程、有防水要求的卫生间、房间和外墙面的防渗漏: 5年
		m.put("ROOF_WATERPROOF", statutory("ROOF_WATERPROOF", PeriodKind.YEARS, 5));
		m.put("WET_ROOM_WATERPROOF", statutory("WET_ROOM_WATERPROOF", PeriodKind.YEARS, 5));
		// （三）供热与供冷系统: 2个采暖期、供冷期
		m.put("HEATING", statutory("HEATING", PeriodKind.HEATING_SEASONS, 2));
		m.put("COOLING", statutory("COOLING", PeriodKind.COOLING_SEASONS, 2));
		// （四）电气管线、给排水管道、设备安装: 2年; （五）装修工程: 2年
		m.put("ELECTRICAL", statutory("ELECTRICAL", PeriodKind.YEARS, 2));
		m.put("PLUMBING", statutory("PLUMBING", PeriodKind.YEARS, 2));
		m.put("EQUIPMENT", statutory("EQUIPMENT", PeriodKind.YEARS, 2));
		m.put("FITOUT", statutory("FITOUT", PeriodKind.YEARS, 2));
		STATUTORY = java.util.Collections.unmodifiableMap(m);
	}

	/** The outcome of a warranty check. */
	public enum Status {

		/** 保修期内 */
		IN_WARRANTY,
		/** 已过保修期 */
		EXPIRED,
		/** 房屋尚未交付: the warranty has not begun; the developer repairs it before handover */
		NO_HANDOVER,
		/** 不判断保修: no component chosen, or a public area */
		NOT_JUDGED

	}

	/**
	 * One component's warranty period as a rule set version states it; {@code period} is empty for the design life,
	 * and the season's first and last day are set for heating and cooling seasons.
	 */
	public record Rule(String component, String name, Long tradeId, PeriodKind kind, Integer period, MonthDay seasonStart,
			MonthDay seasonEnd, String basis, int version) {

		/**
		 * The last day covered for a unit handed over on {@code handover}. As 《民法典》 counts periods (第二百零一、二百零二条):
		 * the handover day itself is not counted, so a period of years or months ends on the corresponding day of its
		 * last month, or on that month's last day when it has no such day (handed over 29 Feb 2024, two years: 28 Feb
		 * 2026). Seasons are counted from the first that begins on or after the handover day: one already running then
		 * is not counted (the owner is covered through it all the same), and the warranty ends on the last day of the
		 * last season counted. The design life runs in years from the handover day.
		 */
		public LocalDate lastCoveredDay(LocalDate handover, int designLifeYears) {
			return switch (kind) {
				case YEARS -> handover.plusYears(period);
				case MONTHS -> handover.plusMonths(period);
				case DESIGN_LIFE -> handover.plusYears(designLifeYears);
				case HEATING_SEASONS, COOLING_SEASONS -> {
					LocalDate firstStart = seasonStart.atYear(handover.getYear());
					if (firstStart.isBefore(handover)) {
						firstStart = seasonStart.atYear(handover.getYear() + 1);
					}
					LocalDate lastStart = firstStart.plusYears(period - 1L);
					LocalDate end = seasonEnd.atYear(lastStart.getYear());
					yield end.isBefore(lastStart) ? seasonEnd.atYear(lastStart.getYear() + 1) : end;
				}
			};
		}

	}

	/** Whether an item is covered on a day, until when, and on what grounds. */
	public record Decision(Status status, Rule rule, LocalDate handoverDate, LocalDate until) {

		public boolean covered() {
			return status != Status.EXPIRED;
		}

		/** The charge a work order gets unless staff choose otherwise. */
		public Charge defaultCharge() {
			return status == Status.EXPIRED ? Charge.PAID : Charge.WARRANTY;
		}

	}

	/** The decision with the default design life, for a project that records none. */
	public static Decision decide(Rule rule, LocalDate handover, LocalDate day) {
		return decide(rule, handover, DEFAULT_DESIGN_LIFE_YEARS, day);
	}

	/**
	 * The decision for a unit handed over on {@code handover} (null if not yet), of a project whose buildings have a
	 * design life of {@code designLifeYears}, for an item reported on {@code day}.
	 */
	public static Decision decide(Rule rule, LocalDate handover, int designLifeYears, LocalDate day) {
		if (rule == null) {
			return new Decision(Status.NOT_JUDGED, null, handover, null);
		}
		if (handover == null) {
			return new Decision(Status.NO_HANDOVER, rule, null, null);
		}
		LocalDate until = rule.lastCoveredDay(handover, designLifeYears);
		return new Decision(day.isAfter(until) ? Status.EXPIRED : Status.IN_WARRANTY, rule, handover, until);
	}

}
