package io.estatedesk.shared;

import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * One colour per meaning for the badges of states, on every page ({@code th:classappend="${@stateColours.badge(s)}"}):
 * done or all right green; waiting for us to act or check yellow; being worked on blue; overdue, refused or failed
 * red; anything else — not begun, not applicable, cancelled, out of warranty, 未交房 — grey.
 */
@Component("stateColours")
public class StateColours {

	private static final Set<String> DONE = Set.of("IN_WARRANTY", "COMPLETED", "CLOSED", "DONE", "APPROVED", "PASSED",
			"HANDED_OVER", "ACCEPTED", "RETURN_VISITED", "REPLIED", "OPEN");

	private static final Set<String> ACT = Set.of("PENDING_DISPATCH", "PENDING_ACCEPTANCE", "PENDING_INSTRUCTION",
			"PENDING_REPLY", "RECEIVED", "REWORK", "UNFINISHED");

	private static final Set<String> WORKING = Set.of("IN_PROGRESS", "DISPATCHED");

	private static final Set<String> BAD = Set.of("OVERDUE", "REJECTED", "REFUSED", "FAILED");

	/** The Bootstrap badge class for a state, by its name (an enum or its name). */
	public String badge(Object state) {
		String s = state == null ? "" : state instanceof Enum<?> e ? e.name() : state.toString();
		if (DONE.contains(s)) {
			return "text-bg-success";
		}
		if (BAD.contains(s)) {
			return "text-bg-danger";
		}
		if (ACT.contains(s)) {
			return "text-bg-warning";
		}
		if (WORKING.contains(s)) {
			return "text-bg-primary";
		}
		return "text-bg-secondary";
	}

}
