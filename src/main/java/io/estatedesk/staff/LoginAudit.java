package io.estatedesk.staff;

import io.estatedesk.shared.BusinessClock;
import java.time.Duration;

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
 * Records every login, logout, failed and refused attempt, and counts failures per account and source address
 * ({@link SignInThrottle}); a lock holds only for the address the failures came from.
 */
@Component
class LoginAudit {

	static final String SUCCESS = "SUCCESS";

	static final String FAILURE = "FAILURE";

	static final String LOCKED = "LOCKED";

	static final String LOCKOUT = "LOCKOUT";

	static final String THROTTLED = "THROTTLED";

	static final String DISABLED = "DISABLED";

	static final String LOGOUT = "LOGOUT";

	static final String UNLOCK = "UNLOCK";

	private final JdbcTemplate jdbc;

	private final SignInThrottle throttle;

	private final Duration lockout;

	LoginAudit(JdbcTemplate jdbc, SignInThrottle throttle, @Value("${estatedesk.security.lockout}") Duration lockout) {
		this.jdbc = jdbc;
		this.throttle = throttle;
		this.lockout = lockout;
	}

	@EventListener
	void interactiveSuccess(InteractiveAuthenticationSuccessEvent event) {
		record(event.getAuthentication().getName(), SUCCESS, address(event.getAuthentication()), null);
	}

	@EventListener
	void success(AuthenticationSuccessEvent event) {
		Authentication auth = event.getAuthentication();
		if (auth.getDetails() instanceof WebAuthenticationDetails) {
			throttle.succeeded(auth.getName(), SignInThrottle.address(auth));
		}
	}

	@EventListener
	void failure(AbstractAuthenticationFailureEvent event) {
		String username = String.valueOf(event.getAuthentication().getName());
		String address = address(event.getAuthentication());
		if (event.getException() instanceof SignInThrottle.Refused refused) {
			record(username, refused.kind, address, null);
			return;
		}
		if (event.getException() instanceof LockedException) {
			record(username, LOCKED, address, null);
			return;
		}
		if (event.getException() instanceof DisabledException) {
			record(username, DISABLED, address, null);
			return;
		}
		record(username, FAILURE, address, null);
		if (event instanceof AuthenticationFailureBadCredentialsEvent
				&& throttle.failed(username, SignInThrottle.address(event.getAuthentication()))) {
			record(username, LOCKOUT, address, String.valueOf(lockout.toMinutes()));
		}
	}

	void logout(Authentication auth, String address) {
		if (auth != null) {
			record(auth.getName(), LOGOUT, address, null);
		}
	}

	void unlocked(String username, String detail) {
		record(username, UNLOCK, null, detail);
	}

	private void record(String username, String kind, String address, String detail) {
		jdbc.update("insert into login_event (username, kind, remote_address, detail, occurred_at) values (?, ?, ?, ?, ?)",
				username.length() > 60 ? username.substring(0, 60) : username, kind, address, detail,
				java.sql.Timestamp.from(BusinessClock.now()));
	}

	private static String address(Authentication auth) {
		return auth != null && auth.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
	}

}
