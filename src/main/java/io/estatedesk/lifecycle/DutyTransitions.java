package io.estatedesk.lifecycle;

import static io.estatedesk.lifecycle.DutyAction.*;
import static io.estatedesk.lifecycle.DutyBoard.Status.*;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.TransitionTable;

/** The duty item's one transition table: 未开始, 进行中, 已完成, 不适用, and what each status allows. */
final class DutyTransitions {

	private static final TransitionTable<DutyBoard.Status, DutyAction> TABLE = TransitionTable
		.builder(DutyBoard.Status.class, DutyAction.class, DutyAction::refusal)
		.stays(EDIT, TODO, IN_PROGRESS, DONE, NOT_APPLICABLE)
		.leads(START, TODO, IN_PROGRESS)
		.leads(COMPLETE, TODO, DONE)
		.leads(COMPLETE, IN_PROGRESS, DONE)
		.leads(WAIVE, TODO, NOT_APPLICABLE)
		.leads(WAIVE, IN_PROGRESS, NOT_APPLICABLE)
		.leads(REOPEN, DONE, IN_PROGRESS)
		.leads(REOPEN, NOT_APPLICABLE, IN_PROGRESS)
		.leads(RESET, IN_PROGRESS, TODO)
		// what was done is recorded whenever it happens, also after the item was closed
		.leads(RECORD, TODO, IN_PROGRESS)
		.stays(RECORD, IN_PROGRESS, DONE, NOT_APPLICABLE)
		.build();

	/** The actions chosen by the status on the item's form. */
	static final List<DutyAction> STATUS_MOVES = List.of(START, COMPLETE, WAIVE, REOPEN, RESET);

	private DutyTransitions() {
	}

	static Optional<DutyBoard.Status> next(DutyBoard.Status from, DutyAction action) {
		return TABLE.next(from, action);
	}

	static boolean allows(DutyBoard.Status from, DutyAction action) {
		return TABLE.allows(from, action);
	}

	/** Where the action leads; refused next to the status with the action's message. */
	static DutyBoard.Status require(DutyBoard.Status from, DutyAction action) {
		return TABLE.next(from, action).orElseThrow(() -> new BusinessRuleException("status", action.refusal()));
	}

	static Set<DutyAction> allowed(DutyBoard.Status status) {
		return TABLE.allowed(status);
	}

	/** The status move that leads from {@code from} to {@code to}; empty when none does. */
	static Optional<DutyAction> moveTo(DutyBoard.Status from, DutyBoard.Status to) {
		return STATUS_MOVES.stream().filter(a -> TABLE.next(from, a).filter(to::equals).isPresent()).findFirst();
	}

	/** The statuses the item's form offers: the current one and where the allowed moves lead. */
	static List<DutyBoard.Status> choices(DutyBoard.Status from) {
		return java.util.stream.Stream.of(DutyBoard.Status.values())
			.filter(s -> s == from || moveTo(from, s).isPresent())
			.toList();
	}

}
