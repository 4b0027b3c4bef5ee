package io.estatedesk.shared;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SliceTests {

	@Test
	void aFirstPageWithEverythingOnItIsNotCountedAgain() {
		AtomicInteger counted = new AtomicInteger();
		Slice<Integer> slice = Slice.of(List.of(1, 2, 3), 0, 20, () -> counted.incrementAndGet());
		assertThat(slice.total()).isEqualTo(3);
		assertThat(slice.totalKnown()).isTrue();
		assertThat(slice.hasNext()).isFalse();
		assertThat(counted).hasValue(0);
	}

	@Test
	void aLongerListIsCountedAndTellsItsPages() {
		Slice<Integer> slice = Slice.of(IntStream.rangeClosed(1, 21).boxed().toList(), 0, 20, () -> 123);
		assertThat(slice.items()).hasSize(20);
		assertThat(slice.hasNext()).isTrue();
		assertThat(slice.total()).isEqualTo(123);
		assertThat(slice.totalKnown()).isTrue();
		assertThat(slice.totalPages()).isEqualTo(7);
	}

	@Test
	void aCountBeyondTheLimitSaysOnlyMoreThanTheLimit() {
		Slice<Integer> slice = Slice.of(IntStream.rangeClosed(1, 21).boxed().toList(), 3, 20, () -> 5_000_000);
		assertThat(slice.total()).isEqualTo(Slice.COUNT_LIMIT + 1L);
		assertThat(slice.totalKnown()).isFalse();
		assertThat(Slice.boundedCount("select id from t where x = 1"))
			.isEqualTo("select count(*) from (select id from t where x = 1 limit 10001) bounded");
	}

}
