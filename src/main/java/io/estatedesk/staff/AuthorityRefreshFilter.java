package io.estatedesk.staff;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives each request the permissions the user's roles hold now, so an administrator's change to the matrix
 * takes effect on pages, actions and the API without a restart or a new login; a disabled account is signed out.
 * The refreshed context is not saved to the session.
 */
class AuthorityRefreshFilter extends OncePerRequestFilter {

	private final Permissions permissions;

	AuthorityRefreshFilter(Permissions permissions) {
		this.permissions = permissions;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
			Optional<Set<String>> current = permissions.currentPermissionsOf(auth.getName());
			if (current.isEmpty()) {
				SecurityContextHolder.clearContext();
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
			}
			else {
				SecurityContext ctx = SecurityContextHolder.createEmptyContext();
				ctx.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(auth.getPrincipal(), null,
						current.get().stream().map(SimpleGrantedAuthority::new).toList()));
				SecurityContextHolder.setContext(ctx);
			}
		}
		chain.doFilter(request, response);
	}

}
