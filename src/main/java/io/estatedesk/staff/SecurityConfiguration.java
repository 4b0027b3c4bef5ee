package io.estatedesk.staff;

import io.estatedesk.shared.ProblemJson;

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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Two chains: the REST API (stateless, HTTP Basic or bearer token, no CSRF, problem-details errors) and the
 * pages (form login, session, CSRF). Both refresh permissions from the matrix on every request.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String REALM = "EstateDesk";

	/** API answers are data: nothing in them may load, run or be framed. */
	static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

	static final String PAGE_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'self'";

	/** BCrypt, with successful checks remembered for a few minutes (HTTP Basic on every API request). */
	@Bean
	PasswordEncoder passwordEncoder() {
		return new VerifiedPasswords(new BCryptPasswordEncoder());
	}

	@Bean
	AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
		DefaultAuthenticationEventPublisher events = new DefaultAuthenticationEventPublisher(publisher);
		// events are mapped by exact exception class: a refusal by the throttle is recorded like a lock
		events.setAdditionalExceptionMappings(java.util.Map.of(SignInThrottle.Refused.class,
				org.springframework.security.authentication.event.AuthenticationFailureLockedEvent.class));
		return events;
	}

	/**
	 * Form login and HTTP Basic check passwords through the sign-in throttle: an address that keeps failing waits,
	 * and an account is locked only for the address its failures came from.
	 */
	@Bean
	AuthenticationManager authenticationManager(StaffUserDetailsService users, PasswordEncoder encoder,
			SignInThrottle throttle, AuthenticationEventPublisher events) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(encoder);
		ProviderManager manager = new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle));
		manager.setAuthenticationEventPublisher(events);
		return manager;
	}

	/** The 401 of the API and of the API document: a Chinese problem detail that names both ways to authenticate. */
	static AuthenticationEntryPoint apiEntryPoint(MessageSource messages) {
		return (req, res, ex) -> {
			res.addHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
			res.addHeader("WWW-Authenticate", "Bearer realm=\"" + REALM + "\"");
			problem(res, 401, messages, "problem.unauthorized.title", "problem.unauthorized.detail");
		};
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, Permissions permissions, ApiTokens tokens, MessageSource messages,
			AuthenticationManager authenticationManager) throws Exception {
		AuthenticationEntryPoint entryPoint = apiEntryPoint(messages);
		AccessDeniedHandler denied = (req, res, ex) -> problem(res, 403, messages, "problem.forbidden.title",
				"problem.forbidden.detail");
		http.securityMatcher("/api/**")
			.authenticationManager(authenticationManager)
			.csrf(c -> c.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(API_CSP))
				.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)))
			.httpBasic(b -> b.realmName(REALM).authenticationEntryPoint(entryPoint))
			.exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
			.addFilterBefore(new BearerTokenFilter(tokens, entryPoint), BasicAuthenticationFilter.class)
			.addFilterBefore(new AuthorityRefreshFilter(permissions), ExceptionTranslationFilter.class)
			.authorizeHttpRequests(a -> a.anyRequest().authenticated());
		return http.build();
	}

	/**
	 * The OpenAPI document and its viewer: for signed-in staff (page session, HTTP Basic or bearer token) unless
	 * {@code estatedesk.api-docs.public=true}. The document answers 401 like the API; the viewer sends people to the
	 * login page.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain apiDocs(HttpSecurity http, Permissions permissions, ApiTokens tokens, MessageSource messages,
			AuthenticationManager authenticationManager, @Value("${estatedesk.api-docs.public:false}") boolean open)
			throws Exception {
		AuthenticationEntryPoint unauthorized = apiEntryPoint(messages);
		http.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**")
			.authenticationManager(authenticationManager)
			.csrf(c -> c.disable())
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(PAGE_CSP))
				.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)))
			.httpBasic(b -> b.realmName(REALM).authenticationEntryPoint(unauthorized))
			.exceptionHandling(e -> e
				.defaultAuthenticationEntryPointFor(unauthorized, PathPatternRequestMatcher.withDefaults().matcher("/v3/api-docs/**"))
				.defaultAuthenticationEntryPointFor(unauthorized, PathPatternRequestMatcher.withDefaults().matcher("/v3/api-docs"))
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> true))
			.addFilterBefore(new BearerTokenFilter(tokens, unauthorized), BasicAuthenticationFilter.class)
			.addFilterBefore(new AuthorityRefreshFilter(permissions), ExceptionTranslationFilter.class)
			.authorizeHttpRequests(a -> {
				if (open) {
					a.anyRequest().permitAll();
				}
				else {
					a.anyRequest().authenticated();
				}
			});
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain web(HttpSecurity http, Permissions permissions, LoginAudit audit,
			AuthenticationManager authenticationManager) throws Exception {
		// one answer for an unknown name, a wrong password, a locked or a disabled account: nothing tells which
		http.authenticationManager(authenticationManager)
			.formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false)
				.failureHandler((req, res, ex) -> res.sendRedirect(req.getContextPath() + "/login?error"))
				.permitAll())
			.logout(l -> l.logoutUrl("/logout").logoutSuccessHandler((req, res, auth) -> {
				audit.logout(auth, req.getRemoteAddr());
				res.sendRedirect(req.getContextPath() + "/login?logout");
			}))
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(PAGE_CSP))
				.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)))
			.addFilterBefore(new AuthorityRefreshFilter(permissions), ExceptionTranslationFilter.class)
			.authorizeHttpRequests(a -> a
				// /s/**: an owner's personal survey link, answered without an account
				.requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error", "/s/**",
						"/actuator/health", "/actuator/health/**")
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
		var locale = java.util.Locale.SIMPLIFIED_CHINESE;
		res.setCharacterEncoding(StandardCharsets.UTF_8.name());
		ProblemJson.write(res, status, messages.getMessage(title, null, locale), messages.getMessage(detail, null, locale),
				null);
	}

}
