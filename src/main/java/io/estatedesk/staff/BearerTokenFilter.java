package io.estatedesk.staff;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer edk_…} API requests statelessly. */
class BearerTokenFilter extends OncePerRequestFilter {

	private final ApiTokens tokens;

	private final AuthenticationEntryPoint entryPoint;

	BearerTokenFilter(ApiTokens tokens, AuthenticationEntryPoint entryPoint) {
		this.tokens = tokens;
		this.entryPoint = entryPoint;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			Optional<String> user = tokens.authenticate(header.substring(7).strip());
			if (user.isEmpty()) {
				SecurityContextHolder.clearContext();
				entryPoint.commence(request, response, new BadCredentialsException("invalid token"));
				return;
			}
			SecurityContext ctx = SecurityContextHolder.createEmptyContext();
			ctx.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.get(), null, List.of()));
			SecurityContextHolder.setContext(ctx);
		}
		chain.doFilter(request, response);
	}

}
