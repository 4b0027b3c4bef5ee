package io.estatedesk.shared;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A case kind's one transition table: for each state, the actions it allows and the state each leads to; a pair not
 * in the table is refused with the action's own message. Each case kind declares its table with {@link #builder}.
 */
public final class TransitionTable<S extends Enum<S>, A extends Enum<A>> {

	private final Map<S, Map<A, S>> table;

	private final Class<A> actions;

	private final Function<A, String> refusal;

	private TransitionTable(Map<S, Map<A, S>> table, Class<A> actions, Function<A, String> refusal) {
		this.table = table;
		this.actions = actions;
		this.refusal = refusal;
	}

	/** Starts a table of {@code states} × {@code actions}; {@code refusal} gives the message key of a refused action. */
	public static <S extends Enum<S>, A extends Enum<A>> Builder<S, A> builder(Class<S> states, Class<A> actions,
			Function<A, String> refusal) {
		return new Builder<>(states, actions, refusal);
	}

	/** Where the action leads from the state; empty when the state does not allow it. */
	public Optional<S> next(S from, A action) {
		return Optional.ofNullable(table.get(from).get(action));
	}

	public boolean allows(S from, A action) {
		return table.get(from).containsKey(action);
	}

	/** Where the action leads from the state; refused with the action's message when the state does not allow it. */
	public S require(S from, A action) {
		return next(from, action).orElseThrow(() -> new BusinessRuleException(refusal.apply(action)));
	}

	/** Every action the state allows, whoever asks. */
	public Set<A> allowed(S state) {
		Set<A> allowed = EnumSet.noneOf(actions);
		allowed.addAll(table.get(state).keySet());
		return Collections.unmodifiableSet(allowed);
	}

	/** Declares the pairs; a pair decided twice is a mistake in the declaration and stops the start. */
	public static final class Builder<S extends Enum<S>, A extends Enum<A>> {

		private final Map<S, Map<A, S>> table;

		private final Class<A> actions;

		private final Function<A, String> refusal;

		private Builder(Class<S> states, Class<A> actions, Function<A, String> refusal) {
			this.table = new EnumMap<>(states);
			for (S s : states.getEnumConstants()) {
				table.put(s, new EnumMap<>(actions));
			}
			this.actions = actions;
			this.refusal = refusal;
		}

		/** The action leads from {@code from} to {@code to}. */
		public Builder<S, A> leads(A action, S from, S to) {
			if (table.get(from).put(action, to) != null) {
				throw new IllegalStateException(from + " × " + action + " decided twice");
			}
			return this;
		}

		/** The action is allowed in each of {@code states} and leaves the state as it is. */
		@SafeVarargs
		public final Builder<S, A> stays(A action, S... states) {
			for (S s : states) {
				leads(action, s, s);
			}
			return this;
		}

		public TransitionTable<S, A> build() {
			return new TransitionTable<>(table, actions, refusal);
		}

	}

}
