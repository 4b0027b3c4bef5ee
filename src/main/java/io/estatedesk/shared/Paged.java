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

	public static int size(Integer requested) {
		if (requested == null || requested < 1) {
			return DEFAULT_SIZE;
		}
		return Math.min(requested, MAX_SIZE);
	}

	public static int page(Integer requested) {
		return requested == null || requested < 0 ? 0 : requested;
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
