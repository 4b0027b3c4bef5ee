package io.estatedesk.staff;

import java.security.Principal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The signed-in user's name for the page header. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

	private final JdbcTemplate jdbc;

	LayoutModel(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@ModelAttribute("currentDisplayName")
	String currentDisplayName(Principal principal, jakarta.servlet.http.HttpServletRequest request) {
		if (principal == null || request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return null;
		}
		return jdbc.query("select display_name from staff_account where lower(username) = lower(?)",
				rs -> rs.next() ? rs.getString(1) : principal.getName(), principal.getName());
	}

}
