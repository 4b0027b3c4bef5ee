package io.estatedesk.repair;

import java.time.LocalDate;
import java.time.MonthDay;

/** Warranty rules and the decision whether an item of a unit is still covered on a given day. */
public final class Warranty {

	private Warranty() {
	}

	/** How a period is counted. */
	public enum PeriodKind {

		/** months from the handover date */
		MONTHS,
		/** heating or cooling seasons, counted from the first that begins on or after the handover date */
		SEASONS

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

	/** One component's warranty period as a rule set version states it. */
	public record Rule(String component, String name, Long tradeId, PeriodKind kind, int period, MonthDay seasonStart,
			MonthDay seasonEnd, String basis, int version) {

		/**
		 * The last day covered for a unit handed over on {@code handover}. As 《民法典》 counts periods (第二百零一、二百零二条):
		 * the handover day itself is not counted, so a period of months ends on the corresponding day of its last month,
		 * or on that month's last day when it has no such day (handed over 29 Feb 2024, two years: 28 Feb 2026).
		 */
		public LocalDate lastCoveredDay(LocalDate handover) {
			if (kind == PeriodKind.MONTHS) {
				return handover.plusMonths(period);
			}
			LocalDate firstStart = seasonStart.atYear(handover.getYear());
			if (firstStart.isBefore(handover)) {
				firstStart = seasonStart.atYear(handover.getYear() + 1);
			}
			LocalDate lastStart = firstStart.plusYears(period - 1L);
			LocalDate end = seasonEnd.atYear(lastStart.getYear());
			return end.isBefore(lastStart) ? seasonEnd.atYear(lastStart.getYear() + 1) : end;
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

	/** The decision for a unit handed over on {@code handover} (null if not yet), for an item reported on {@code day}. */
	public static Decision decide(Rule rule, LocalDate handover, LocalDate day) {
		if (rule == null) {
			return new Decision(Status.NOT_JUDGED, null, handover, null);
		}
		if (handover == null) {
			return new Decision(Status.NO_HANDOVER, rule, null, null);
		}
		LocalDate until = rule.lastCoveredDay(handover);
		return new Decision(day.isAfter(until) ? Status.EXPIRED : Status.IN_WARRANTY, rule, handover, until);
	}

}
