package io.estatedesk.shared;

import java.util.List;

/**
 * One page of a list that may be very long: it knows whether another page follows without counting every row
 * (a count over a million rows on every page is what makes helpdesks slow).
 */
public record Slice<T>(List<T> items, int page, int size, boolean hasNext) {

	/** Builds a slice from a query that fetched {@code size + 1} rows. */
	public static <T> Slice<T> of(List<T> fetched, int page, int size) {
		boolean more = fetched.size() > size;
		return new Slice<>(more ? List.copyOf(fetched.subList(0, size)) : List.copyOf(fetched), page, size, more);
	}

	public boolean hasPrevious() {
		return page > 0;
	}

	public <R> Slice<R> map(java.util.function.Function<T, R> f) {
		return new Slice<>(items.stream().map(f).toList(), page, size, hasNext);
	}

	/** The number of rows when the whole list fits on this first page, otherwise -1 (not counted). */
	public long totalIfKnown() {
		return page == 0 && !hasNext ? items.size() : -1;
	}

}
