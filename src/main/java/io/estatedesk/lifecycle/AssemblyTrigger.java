package io.estatedesk.lifecycle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * When the first owners' assembly is due (《业主大会和业主委员会指导规则》): once the exclusive area delivered to owners
 * is more than half of the total, or two years after the first delivery, whichever comes first.
 */
final class AssemblyTrigger {

	static final BigDecimal HALF = new BigDecimal("50");

	private AssemblyTrigger() {
	}

	enum Reason {

		/** 交付面积已超过 50 % */
		AREA,
		/** 首次交付已满两年 */
		TWO_YEARS,
		/** not yet */
		NONE

	}

	/**
	 * @param percent delivered area as a percentage of the total, two decimals (0 when nothing is recorded)
	 * @param twoYearsOn the day two years after the first delivery, or null before any delivery
	 */
	record Status(BigDecimal totalArea, BigDecimal deliveredArea, BigDecimal percent, LocalDate firstHandover,
			LocalDate twoYearsOn, boolean triggered, Reason reason) {
	}

	static Status evaluate(BigDecimal total, BigDecimal delivered, LocalDate firstHandover, LocalDate today) {
		BigDecimal percent = total == null || total.signum() == 0 ? BigDecimal.ZERO.setScale(2)
				: delivered.multiply(BigDecimal.valueOf(100)).divide(total, 2, RoundingMode.DOWN);
		// "more than half" compares the exact share, not the rounded percentage
		boolean overHalf = total != null && total.signum() > 0 && delivered.multiply(BigDecimal.valueOf(2)).compareTo(total) > 0;
		LocalDate twoYears = firstHandover == null ? null : firstHandover.plusYears(2);
		boolean twoYearsPassed = twoYears != null && !today.isBefore(twoYears);
		Reason reason = overHalf ? Reason.AREA : twoYearsPassed ? Reason.TWO_YEARS : Reason.NONE;
		return new Status(total, delivered, percent, firstHandover, twoYears, reason != Reason.NONE, reason);
	}

}
