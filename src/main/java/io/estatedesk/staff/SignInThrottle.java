package io.estatedesk.staff;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.estatedesk.shared.BusinessClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed sign-ins, counted per (account, source address) and per source address, in the database so that every
 * node sees them. An account is locked only for the address its failures came from, never for everybody; an address
 * that keeps failing (on any names) waits longer and longer before its next attempt is checked at all.
 */
@Component
class SignInThrottle {

	/** Why an attempt was refused before its password was looked at; the user is told the same as for a wrong one. */
	static final class Refused extends LockedException {

		final String kind;

		Refused(String kind) {
			super(kind);
			this.kind = kind;
		}

	}

	private final JdbcTemplate jdbc;

	private final int maxFailures;

	private final Duration lockout;

	private final int addressFreeFailures;

	private final Duration addressDelay;

	private final Duration addressMaxDelay;

	private final Duration window;

	SignInThrottle(JdbcTemplate jdbc, @Value("${estatedesk.security.max-failed-logins}") int maxFailures,
			@Value("${estatedesk.security.lockout}") Duration lockout,
			@Value("${estatedesk.security.address-free-failures:10}") int addressFreeFailures,
			@Value("${estatedesk.security.address-delay:1s}") Duration addressDelay,
			@Value("${estatedesk.security.address-max-delay:15m}") Duration addressMaxDelay,
			@Value("${estatedesk.security.failure-window:1h}") Duration window) {
		this.jdbc = jdbc;
		this.maxFailures = maxFailures;
		this.lockout = lockout;
		this.addressFreeFailures = addressFreeFailures;
		this.addressDelay = addressDelay;
		this.addressMaxDelay = addressMaxDelay;
		this.window = window;
	}

	static String address(Authentication auth) {
		String a = auth != null && auth.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
		return a == null || a.isBlank() ? "unknown" : a.length() > 64 ? a.substring(0, 64) : a;
	}

	static String name(String username) {
		String n = String.valueOf(username).toLowerCase(Locale.ROOT);
		return n.length() > 60 ? n.substring(0, 60) : n;
	}

	/** Throws {@link Refused} when this address must wait, or the account is locked for this address. */
	void check(String username, String address) {
		Instant now = BusinessClock.now();
		List<Instant> nextAllowed = jdbc.query("select failures, last_failure_at from sign_in_address where remote_address = ?",
				(rs, i) -> nextAttempt(rs.getInt(1), rs.getTimestamp(2).toInstant()), address);
		if (!nextAllowed.isEmpty() && nextAllowed.get(0).isAfter(now)) {
			throw new Refused(LoginAudit.THROTTLED);
		}
		Boolean locked = jdbc.query("select locked_until > ? from sign_in_failure where username = ? and remote_address = ?",
				rs -> rs.next() && rs.getBoolean(1), Timestamp.from(now), name(username), address);
		if (Boolean.TRUE.equals(locked)) {
			throw new Refused(LoginAudit.LOCKED);
		}
	}

	/** When an address with so many failures, the last at {@code last}, may try again. */
	private Instant nextAttempt(int failures, Instant last) {
		if (failures < addressFreeFailures || last.plus(window).isBefore(BusinessClock.now())) {
			return Instant.MIN;
		}
		int doublings = Math.min(failures - addressFreeFailures, 30);
		Duration delay = addressDelay.multipliedBy(1L << doublings);
		return last.plus(delay.compareTo(addressMaxDelay) > 0 ? addressMaxDelay : delay);
	}

	/**
	 * Counts a wrong password (or an unknown name) for the account and the address; returns true when this failure
	 * locked the account for this address.
	 */
	@Transactional
	boolean failed(String username, String address) {
		Timestamp now = Timestamp.from(BusinessClock.now());
		Timestamp forgotten = Timestamp.from(BusinessClock.now().minus(window));
		jdbc.update("""
				insert into sign_in_address (remote_address, failures, last_failure_at) values (?, 1, ?)
				on conflict (remote_address) do update set last_failure_at = excluded.last_failure_at,
				  failures = case when sign_in_address.last_failure_at < ? then 1 else sign_in_address.failures + 1 end""",
				address, now, forgotten);
		Integer failures = jdbc.queryForObject("""
				insert into sign_in_failure (username, remote_address, failures, last_failure_at) values (?, ?, 1, ?)
				on conflict (username, remote_address) do update set last_failure_at = excluded.last_failure_at,
				  failures = case when sign_in_failure.last_failure_at < ? then 1 else sign_in_failure.failures + 1 end
				returning failures""", Integer.class, name(username), address, now, forgotten);
		if (failures == null || failures < maxFailures) {
			return false;
		}
		Timestamp until = Timestamp.from(BusinessClock.now().plus(lockout));
		jdbc.update("update sign_in_failure set failures = 0, locked_until = ? where username = ? and remote_address = ?",
				until, name(username), address);
		// shown to administrators in the staff list; a sign-in is never refused because of this column
		jdbc.update("update staff_account set locked_until = greatest(coalesce(locked_until, ?), ?) where lower(username) = ?",
				until, until, name(username));
		jdbc.update("delete from sign_in_failure where last_failure_at < ? and (locked_until is null or locked_until < ?)",
				forgotten, now);
		jdbc.update("delete from sign_in_address where last_failure_at < ?", forgotten);
		return true;
	}

	/** A correct sign-in from an address clears that account's failures there (not the address's own count). */
	void succeeded(String username, String address) {
		jdbc.update("""
				delete from sign_in_failure where username = ? and remote_address = ? and (locked_until is null or locked_until <= ?)""",
				name(username), address, Timestamp.from(BusinessClock.now()));
	}

	/**
	 * Lifts every lock of the account, from every address, and the waiting time of the addresses its failures came
	 * from; returns how many addresses it was locked or counted for.
	 */
	@Transactional
	int unlock(String username) {
		String n = name(username);
		jdbc.update("""
				delete from sign_in_address where remote_address in
				  (select remote_address from sign_in_failure where username = ?)""", n);
		int pairs = jdbc.update("delete from sign_in_failure where username = ?", n);
		jdbc.update("update staff_account set locked_until = null, failed_attempts = 0 where lower(username) = ?", n);
		return pairs;
	}

}
