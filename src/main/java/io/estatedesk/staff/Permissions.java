package io.estatedesk.staff;

import io.estatedesk.shared.BusinessClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the signed-in staff member may do. Permissions are data (the role × permission matrix); they are
 * re-read from the database at most a few seconds after a change, and at once on the node where the change was made.
 * Templates call it as {@code @perm.has('ARCHIVE_VIEW')}.
 */
@Component("perm")
public class Permissions {

	private static final Duration TTL = Duration.ofSeconds(5);

	private final JdbcTemplate jdbc;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	Permissions(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether the current user holds the permission; false when nobody is signed in. */
	public boolean has(String code) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
			return false;
		}
		for (GrantedAuthority a : auth.getAuthorities()) {
			if (code.equals(a.getAuthority())) {
				return true;
			}
		}
		return false;
	}

	/** The current user's username, or "system" outside a request. */
	public String currentUsername() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || auth instanceof AnonymousAuthenticationToken) {
			return "system";
		}
		return auth.getName();
	}

	/** The current staff member's account ID, if someone is signed in. */
	public Optional<Long> currentStaffId() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || auth instanceof AnonymousAuthenticationToken) {
			return Optional.empty();
		}
		return jdbc.queryForList("select id from staff_account where lower(username) = lower(?)", Long.class, auth.getName())
			.stream()
			.findFirst();
	}

	/** The permissions the account holds now, or empty when it is missing or disabled. */
	Optional<Set<String>> currentPermissionsOf(String username) {
		Cached c = cache.get(username.toLowerCase());
		Instant now = BusinessClock.now();
		if (c == null || c.loadedAt.plus(TTL).isBefore(now)) {
			c = load(username, now);
			cache.put(username.toLowerCase(), c);
		}
		return c.enabled ? Optional.of(c.permissions) : Optional.empty();
	}

	private Cached load(String username, Instant now) {
		Boolean enabled = jdbc.query("select enabled from staff_account where lower(username) = lower(?)",
				rs -> rs.next() ? rs.getBoolean(1) : null, username);
		if (enabled == null || !enabled) {
			return new Cached(Set.of(), false, now);
		}
		Set<String> perms = new HashSet<>(jdbc.queryForList("""
				select distinct rp.permission_code from staff_account s
				join staff_role sr on sr.staff_id = s.id
				join role_permission rp on rp.role_id = sr.role_id
				where lower(s.username) = lower(?)""", String.class, username));
		return new Cached(Set.copyOf(perms), true, now);
	}

	/** Forgets cached permissions after the matrix, a role assignment or an account changed. */
	void invalidate() {
		cache.clear();
	}

	private record Cached(Set<String> permissions, boolean enabled, Instant loadedAt) {
	}

}
