package io.estatedesk.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a short list (e.g. the audit log) counted in the database; long lists use {@link Slice}. Also holds
 * the page-size rules every list shares.
 */
public record Paged<T>(List<T> items, int page, int size, long total) {

	public static final int DEFAULT_SIZE = 20;

	public static final int MAX_SIZE = 200;

	/** The page size asked for, or the default; one outside 1–{@value #MAX_SIZE} is refused, not quietly changed. */
	public static int size(Integer requested) {
		if (requested == null) {
			return DEFAULT_SIZE;
		}
		if (requested < 1 || requested > MAX_SIZE) {
			throw new PageRequestRefused("size", "input.pageSize");
		}
		return requested;
	}

	/** The page asked for (from 0), or the first; a negative one is refused. */
	public static int page(Integer requested) {
		if (requested == null) {
			return 0;
		}
		if (requested < 0) {
			throw new PageRequestRefused("page", "input.page");
		}
		return requested;
	}

	/** A page or page size out of range; the API answers 400, pages the error page, both with the limit. */
	public static final class PageRequestRefused extends InvalidInputException {

		PageRequestRefused(String field, String key) {
			super(java.util.Map.of(field, key));
		}

	}

	public int totalPages() {
		return (int) Math.max(1, (total + size - 1) / size);
	}

	public boolean hasPrevious() {
		return page > 0;
	}

	public boolean hasNext() {
		return page + 1 < totalPages();
	}

	public <R> Paged<R> map(Function<T, R> f) {
		return new Paged<>(items.stream().map(f).toList(), page, size, total);
	}

}
