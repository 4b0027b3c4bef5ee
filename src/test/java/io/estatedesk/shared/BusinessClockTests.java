package io.estatedesk.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** "Today" is the day in China whatever the machine's zone and hour, and nothing in the application reads another clock. */
class BusinessClockTests {

	@AfterEach
	void reset() {
		BusinessClock.resetForTesting();
	}

	@Test
	void todayIsTheDayInChinaAtTheHoursWhereTheMachinesDayDiffers() {
		BusinessClock.setForTesting(Instant.parse("2026-12-02T23:30:00Z"), false);
		assertThat(BusinessClock.today()).isEqualTo(LocalDate.of(2026, 12, 3));
		assertThat(BusinessClock.localNowToMinute()).hasToString("2026-12-03T07:30");
		BusinessClock.setForTesting(Instant.parse("2026-12-02T15:59:00Z"), false);
		assertThat(BusinessClock.today()).isEqualTo(LocalDate.of(2026, 12, 2));
		// 00:00 in China on the first of a month and of a year
		BusinessClock.setForTesting(Instant.parse("2026-11-30T16:00:00Z"), false);
		assertThat(BusinessClock.thisMonth()).isEqualTo(YearMonth.of(2026, 12));
		BusinessClock.setForTesting(Instant.parse("2026-12-31T16:00:00Z"), false);
		assertThat(BusinessClock.today()).isEqualTo(LocalDate.of(2027, 1, 1));
		assertThat(BusinessClock.sqlToday()).isEqualTo("date '2027-01-01'");
		assertThat(BusinessClock.INSTANCE.instant()).isEqualTo(Instant.parse("2026-12-31T16:00:00Z"));
	}

	@Test
	void aTickingTestClockMovesOnFromItsStart() throws InterruptedException {
		BusinessClock.setForTesting(Instant.parse("2026-12-31T16:00:00Z"), true);
		Instant first = BusinessClock.now();
		Thread.sleep(5);
		assertThat(BusinessClock.now()).isAfter(first);
		assertThat(first).isBetween(Instant.parse("2026-12-31T16:00:00Z"), Instant.parse("2026-12-31T16:01:00Z"));
	}

	/** The application's code reads time only through {@link BusinessClock}: no system clock, no database clock. */
	@Test
	void noApplicationCodeReadsAnotherClock() throws IOException {
		Pattern forbidden = Pattern.compile(
				"\\b(LocalDate|LocalDateTime|LocalTime|Instant|ZonedDateTime|OffsetDateTime|YearMonth|Year)\\.now\\("
						+ "|System\\.currentTimeMillis|new java\\.util\\.Date\\(\\)|new Date\\(\\)|Clock\\.system"
						+ "|[^.\\w]now\\(\\)|current_date|current_timestamp|localtimestamp");
		List<String> offenders;
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			offenders = files.filter(p -> p.toString().endsWith(".java"))
				.filter(p -> !p.getFileName().toString().equals("BusinessClock.java"))
				.flatMap(p -> {
					try {
						List<String> lines = Files.readAllLines(p);
						return java.util.stream.IntStream.range(0, lines.size())
							.filter(i -> forbidden.matcher(lines.get(i)).find())
							.mapToObj(i -> p + ":" + (i + 1) + ": " + lines.get(i).strip());
					}
					catch (IOException e) {
						throw new java.io.UncheckedIOException(e);
					}
				})
				.toList();
		}
		assertThat(offenders).as("use BusinessClock.now()/today() (and BusinessClock.sqlNow()/sqlToday() in SQL)").isEmpty();
	}

}
