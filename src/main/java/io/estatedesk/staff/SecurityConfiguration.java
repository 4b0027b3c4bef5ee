package io.estatedesk.staff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Two chains: the REST API (stateless, HTTP Basic or bearer token, no CSRF, problem-details errors) and the
 * pages (form login, session, CSRF). Both refresh permissions from the matrix on every request.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	@Bean
	AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
		return new DefaultAuthenticationEventPublisher(publisher);
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, Permissions permissions, ApiTokens tokens, MessageSource messages)
			throws Exception {
		AuthenticationEntryPoint entryPoint = (req, res, ex) -> problem(res, 401, messages, "problem.unauthorized.title",
				"problem.unauthorized.detail");
		AccessDeniedHandler denied = (req, res, ex) -> problem(res, 403, messages, "problem.forbidden.title",
				"problem.forbidden.detail");
		http.securityMatcher("/api/**")
			.csrf(c -> c.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic(b -> b.authenticationEntryPoint(entryPoint))
			.exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
			.addFilterBefore(new BearerTokenFilter(tokens, entryPoint), BasicAuthenticationFilter.class)
			.addFilterBefore(new AuthorityRefreshFilter(permissions), ExceptionTranslationFilter.class)
			.authorizeHttpRequests(a -> a.anyRequest().authenticated());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain web(HttpSecurity http, Permissions permissions, LoginAudit audit) throws Exception {
		http.formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).failureHandler((req, res, ex) -> {
			String reason = ex instanceof LockedException ? "locked" : ex instanceof DisabledException ? "disabled" : "bad";
			res.sendRedirect(req.getContextPath() + "/login?error=" + reason);
		}).permitAll())
			.logout(l -> l.logoutUrl("/logout").logoutSuccessHandler((req, res, auth) -> {
				audit.logout(auth, req.getRemoteAddr());
				res.sendRedirect(req.getContextPath() + "/login?logout");
			}))
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
					"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'self'")))
			.addFilterBefore(new AuthorityRefreshFilter(permissions), ExceptionTranslationFilter.class)
			.authorizeHttpRequests(a -> a
				// /s/**: an owner's personal survey link, answered without an account
				.requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error", "/s/**",
						"/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**")
				.permitAll()
				.requestMatchers("/admin/staff/**").hasAuthority("STAFF_ADMIN")
				.requestMatchers("/admin/roles/**").hasAuthority("ROLE_ADMIN")
				.requestMatchers("/admin/audit/**").hasAuthority("AUDIT_VIEW")
				.requestMatchers("/actuator/**").hasAuthority("STAFF_ADMIN")
				.anyRequest()
				.authenticated());
		return http.build();
	}

	private static void problem(HttpServletResponse res, int status, MessageSource messages, String title, String detail)
			throws IOException {
		res.setStatus(status);
		res.setContentType("application/problem+json");
		res.setCharacterEncoding(StandardCharsets.UTF_8.name());
		var locale = java.util.Locale.SIMPLIFIED_CHINESE;
		res.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + messages.getMessage(title, null, locale) + "\",\"status\":"
					+ status + ",\"detail\":\"" + messages.getMessage(detail, null, locale) + "\"}");
	}

}
