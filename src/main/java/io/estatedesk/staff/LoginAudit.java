package io.estatedesk.staff;

import io.estatedesk.shared.BusinessClock;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Records every login, logout and failed attempt, and locks an account after repeated failures.
 */
@Component
class LoginAudit {

	static final String SUCCESS = "SUCCESS";

	static final String FAILURE = "FAILURE";

	static final String LOCKED = "LOCKED";

	static final String LOCKOUT = "LOCKOUT";

	static final String DISABLED = "DISABLED";

	static final String LOGOUT = "LOGOUT";

	private final JdbcTemplate jdbc;

	private final int maxFailures;

	private final Duration lockout;

	LoginAudit(JdbcTemplate jdbc, @Value("${estatedesk.security.max-failed-logins}") int maxFailures,
			@Value("${estatedesk.security.lockout}") Duration lockout) {
		this.jdbc = jdbc;
		this.maxFailures = maxFailures;
		this.lockout = lockout;
	}

	@EventListener
	void interactiveSuccess(InteractiveAuthenticationSuccessEvent event) {
		record(event.getAuthentication().getName(), SUCCESS, address(event.getAuthentication()), null);
	}

	@EventListener
	void success(AuthenticationSuccessEvent event) {
		jdbc.update("update staff_account set failed_attempts = 0, locked_until = null where lower(username) = lower(?) and failed_attempts > 0",
				event.getAuthentication().getName());
	}

	@EventListener
	void failure(AbstractAuthenticationFailureEvent event) {
		String username = String.valueOf(event.getAuthentication().getName());
		String address = address(event.getAuthentication());
		if (event.getException() instanceof LockedException) {
			record(username, LOCKED, address, null);
			return;
		}
		if (event.getException() instanceof DisabledException) {
			record(username, DISABLED, address, null);
			return;
		}
		record(username, FAILURE, address, null);
		if (event instanceof AuthenticationFailureBadCredentialsEvent) {
			Integer failures = jdbc.query(
					"update staff_account set failed_attempts = failed_attempts + 1 where lower(username) = lower(?) returning failed_attempts",
					rs -> rs.next() ? rs.getInt(1) : null, username);
			if (failures != null && failures >= maxFailures) {
				jdbc.update("update staff_account set locked_until = ?, failed_attempts = 0 where lower(username) = lower(?)",
						Timestamp.from(BusinessClock.now().plus(lockout)), username);
				record(username, LOCKOUT, address, String.valueOf(lockout.toMinutes()));
			}
		}
	}

	void logout(Authentication auth, String address) {
		if (auth != null) {
			record(auth.getName(), LOGOUT, address, null);
		}
	}

	private void record(String username, String kind, String address, String detail) {
		jdbc.update("insert into login_event (username, kind, remote_address, detail) values (?, ?, ?, ?)",
				username.length() > 60 ? username.substring(0, 60) : username, kind, address, detail);
	}

	private static String address(Authentication auth) {
		return auth != null && auth.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
	}

}
