package io.estatedesk.staff;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * For the demo data loaders only: act as a demo account, with the permissions its roles hold, so that demo cases
 * go through the same facades, rules and history as a user's would. Never used for a real sign-in.
 */
@Component
public class DemoSignIn {

	private final JdbcTemplate jdbc;

	DemoSignIn(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void as(String username) {
		List<SimpleGrantedAuthority> authorities = jdbc.queryForList("""
				select distinct rp.permission_code from staff_account s join staff_role sr on sr.staff_id = s.id
				join role_permission rp on rp.role_id = sr.role_id where s.username = ?""", String.class, username)
			.stream().map(SimpleGrantedAuthority::new).toList();
		var ctx = SecurityContextHolder.createEmptyContext();
		ctx.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, authorities));
		SecurityContextHolder.setContext(ctx);
	}

	public void signOut() {
		SecurityContextHolder.clearContext();
	}

}
