package io.estatedesk.staff;

import java.util.List;
import java.util.Map;

import io.estatedesk.shared.Paged;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Logins, logouts, failed attempts, reveals and exports, for administrators. */
@Controller
class AuditController {

	private final JdbcTemplate jdbc;

	AuditController(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/admin/audit")
	String audit(@RequestParam(defaultValue = "login") String tab, @RequestParam(required = false) String username,
			@RequestParam(required = false) Integer page, Model model) {
		int p = Paged.page(page);
		int size = 50;
		boolean login = !"data".equals(tab);
		String table = login ? "login_event" : "audit_event";
		String where = username == null || username.isBlank() ? "" : " where lower(username) = lower(?)";
		Object[] args = username == null || username.isBlank() ? new Object[0] : new Object[] { username.strip() };
		long total = jdbc.queryForObject("select count(*) from " + table + where, Long.class, args);
		List<Map<String, Object>> rows = jdbc.queryForList(
				"select * from " + table + where + " order by occurred_at desc, id desc limit " + size + " offset " + (long) p * size,
				args);
		model.addAttribute("tab", login ? "login" : "data");
		model.addAttribute("username", username);
		model.addAttribute("events", new Paged<>(rows, p, size, total));
		return "staff/audit";
	}

}
