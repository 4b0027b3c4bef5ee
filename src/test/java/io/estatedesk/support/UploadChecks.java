package io.estatedesk.support;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Signing in as a fixture account for MockMvc, and what every answer to an upload or a download must look like. */
public class UploadChecks {

	private final JdbcTemplate jdbc;

	private final MessageSource messages;

	public UploadChecks(JdbcTemplate jdbc, MessageSource messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	/** The account with the permissions its roles hold now. */
	public RequestPostProcessor as(String username) {
		List<SimpleGrantedAuthority> authorities = jdbc.queryForList("""
				select distinct rp.permission_code from staff_account s join staff_role sr on sr.staff_id = s.id
				join role_permission rp on rp.role_id = sr.role_id where s.username = ?""", String.class, username)
			.stream()
			.map(SimpleGrantedAuthority::new)
			.toList();
		return user(username).authorities(authorities);
	}

	public String chinese(String key, Object... args) {
		return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
	}

	/** The page came back (no redirect, no error page) with the Chinese reason next to the field. */
	public void refusedWith(MockHttpServletResponse page, String key) throws Exception {
		assertThat(page.getStatus()).as("a refused upload re-renders the form").isEqualTo(200);
		String html = page.getContentAsString();
		assertThat(html).contains("class=\"field-error\"").contains(htmlEscaped(chinese(key)));
	}

	/** A stored file answered as data: never a page of this site. */
	public static void servedAsData(MockHttpServletResponse file, String type, boolean inline) {
		assertThat(file.getStatus()).isEqualTo(200);
		assertThat(file.getContentType()).isEqualTo(type);
		assertThat(file.getHeader("Content-Disposition")).startsWith(inline ? "inline" : "attachment");
		assertThat(file.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(file.getHeaders("Content-Security-Policy")).isNotEmpty()
			.allSatisfy(csp -> assertThat(csp).contains("sandbox").contains("default-src 'none'"));
	}

	private static String htmlEscaped(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
