package io.estatedesk.shared;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * One page of a list that may be very long: it knows whether another page follows without counting every row
 * (a count over a million rows on every page is what makes helpdesks slow). How many rows there are is counted only
 * up to {@link #COUNT_LIMIT} (see {@link #boundedCount}); the pager then says "共 123 条" or "超过 10000 条".
 *
 * @param total the number of rows, or {@code COUNT_LIMIT + 1} when there are more than {@code COUNT_LIMIT}
 */
public record Slice<T>(List<T> items, int page, int size, boolean hasNext, long total) {

	/** The most rows a list counts; beyond it the list says "more than" this. */
	public static final int COUNT_LIMIT = 10_000;

	/**
	 * Builds a slice from a query that fetched {@code size + 1} rows; {@code count} (usually a query made with
	 * {@link #boundedCount}) is asked only when this page alone does not tell how many rows there are.
	 */
	public static <T> Slice<T> of(List<T> fetched, int page, int size, LongSupplier count) {
		boolean more = fetched.size() > size;
		List<T> items = more ? List.copyOf(fetched.subList(0, size)) : List.copyOf(fetched);
		long total = page == 0 && !more ? items.size() : Math.min(count.getAsLong(), COUNT_LIMIT + 1L);
		return new Slice<>(items, page, size, more, total);
	}

	/**
	 * A count of the rows {@code select} returns, stopping after {@code COUNT_LIMIT + 1}: the query's own select and
	 * where clause without its order, limit or offset. PostgreSQL leaves out the columns nobody reads, so the
	 * count costs at most a scan of that many rows whatever the list's length.
	 */
	public static String boundedCount(String select) {
		return "select count(*) from (" + select + " limit " + (COUNT_LIMIT + 1) + ") bounded";
	}

	public boolean hasPrevious() {
		return page > 0;
	}

	/** Whether {@link #total} is the exact number of rows (not more than {@link #COUNT_LIMIT}). */
	public boolean totalKnown() {
		return total <= COUNT_LIMIT;
	}

	/** The number of pages when {@link #totalKnown()}, at least 1. */
	public long totalPages() {
		return Math.max(1, (total + size - 1) / size);
	}

	public <R> Slice<R> map(java.util.function.Function<T, R> f) {
		return new Slice<>(items.stream().map(f).toList(), page, size, hasNext, total);
	}

}
