package io.estatedesk.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The one source of "now" and "today" in the application: the business time zone ({@code ESTATEDESK_TIME_ZONE},
 * default {@code Asia/Shanghai}) and one instant source. It is the application's {@link Clock} bean; code that
 * cannot have a bean injected (entities, static helpers) reads the same clock through the static methods. Tests
 * move it with {@link #setForTesting(Clock)}, so what is decided "today" never depends on the machine's zone or hour.
 */
public final class BusinessClock extends Clock {

	/** The zone every date, deadline and displayed time is taken in. */
	public static final ZoneId ZONE = resolveZone();

	/** The clock every {@code now()} goes through. */
	public static final BusinessClock INSTANCE = new BusinessClock();

	private static final Clock SYSTEM = Clock.system(ZONE);

	/** Where time comes from when no test has moved it: the system clock, or the start instant a test run names. */
	private static volatile Clock base = startClock();

	private static volatile Clock source = base;

	private BusinessClock() {
	}

	private static ZoneId resolveZone() {
		String z = System.getProperty("estatedesk.time-zone");
		if (z == null || z.isBlank()) {
			z = System.getenv("ESTATEDESK_TIME_ZONE");
		}
		return z == null || z.isBlank() ? ZoneId.of("Asia/Shanghai") : ZoneId.of(z.strip());
	}

	/**
	 * A test run may start the clock at a given instant ({@code estatedesk.test-clock} or
	 * {@code ESTATEDESK_TEST_CLOCK}, ISO-8601 such as {@code 2026-12-31T16:00:00Z}); it then ticks on from there.
	 */
	private static Clock startClock() {
		String at = System.getProperty("estatedesk.test-clock");
		if (at == null || at.isBlank()) {
			at = System.getenv("ESTATEDESK_TEST_CLOCK");
		}
		if (at == null || at.isBlank()) {
			return SYSTEM;
		}
		Instant start = Instant.parse(at.strip());
		return Clock.offset(SYSTEM, Duration.between(SYSTEM.instant(), start));
	}

	public static Instant now() {
		return source.instant();
	}

	public static LocalDate today() {
		return LocalDate.ofInstant(now(), ZONE);
	}

	/** Local date and time in the business zone. */
	public static LocalDateTime localNow() {
		return LocalDateTime.ofInstant(now(), ZONE);
	}

	/** Local date and time in the business zone, to the minute (what forms propose as "now"). */
	public static LocalDateTime localNowToMinute() {
		return localNow().truncatedTo(ChronoUnit.MINUTES);
	}

	/**
	 * "Now" as an SQL literal ({@code timestamptz '…'}) for conditions such as "overdue" that are written once and
	 * used in many queries; the database's own {@code now()} would not follow this clock.
	 */
	public static String sqlNow() {
		return "timestamptz '" + now() + "'";
	}

	/** Today as an SQL date literal ({@code date '…'}), the business zone's day, not the database server's. */
	public static String sqlToday() {
		return "date '" + today() + "'";
	}

	public static YearMonth thisMonth() {
		return YearMonth.from(today());
	}

	/** Tests only: lets time come from the given clock until {@link #resetForTesting()}. */
	public static void setForTesting(Clock clock) {
		source = clock;
	}

	/** Tests only: the clock at a fixed instant, or ticking on from it. */
	public static void setForTesting(Instant at, boolean ticking) {
		setForTesting(ticking ? Clock.offset(SYSTEM, Duration.between(SYSTEM.instant(), at)) : Clock.fixed(at, ZONE));
	}

	/** Tests only: back to the run's clock. */
	public static void resetForTesting() {
		source = base;
	}

	@Override
	public ZoneId getZone() {
		return ZONE;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		if (zone.equals(ZONE)) {
			return this;
		}
		return new Clock() {

			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return BusinessClock.INSTANCE.withZone(other);
			}

			@Override
			public Instant instant() {
				return now();
			}
		};
	}

	@Override
	public Instant instant() {
		return now();
	}

}
