package io.estatedesk.shared;

import java.util.List;

/**
 * What a module puts on the current user's 工作台: counters of the cases waiting for them, each linked to the list
 * behind it. Implement it as a bean; the workbench shows the items of every module, in bean order.
 */
public interface WorkbenchItems {

	/** Counts stop at this many; the workbench then shows "999+". */
	int CAP = 1000;

	/** The current user's items; none for a user without the module's permissions. */
	List<Item> items();

	/**
	 * One counter.
	 *
	 * @param labelKey message key of its label
	 * @param count how many (at most {@link #CAP})
	 * @param href the list behind it
	 * @param warning shown in red when not zero (overdue, escalated)
	 */
	record Item(String labelKey, long count, String href, boolean warning) {

		public String shown() {
			return count >= CAP ? (CAP - 1) + "+" : String.valueOf(count);
		}

	}

	/** Counts the rows of a query, stopping at {@link #CAP} so that a long list is never counted in full. */
	static long count(org.springframework.jdbc.core.JdbcTemplate jdbc, String select, Object... args) {
		return jdbc.queryForObject("select count(*) from (" + select + " limit " + CAP + ") capped", Long.class, args);
	}

}
