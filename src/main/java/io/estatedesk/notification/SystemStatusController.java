package io.estatedesk.notification;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 系统管理 → 运行状态: whether the events between modules and the mail to staff are being delivered. */
@Controller
@PreAuthorize("hasAuthority('STAFF_ADMIN')")
class SystemStatusController {

	private final EventDelivery events;

	private final JdbcTemplate jdbc;

	private final MailOutbox mail;

	SystemStatusController(EventDelivery events, JdbcTemplate jdbc, MailOutbox mail) {
		this.events = events;
		this.jdbc = jdbc;
		this.mail = mail;
	}

	@GetMapping("/admin/system")
	String page(Model model) {
		model.addAttribute("backlog", events.backlog());
		model.addAttribute("staleMinutes", EventDelivery.STALE.toMinutes());
		model.addAttribute("mailEnabled", mail.enabled());
		model.addAttribute("mailWaiting", jdbc.queryForObject(
				"select count(*) from mail_outbox where sent_at is null and attempts < ?", Long.class, MailOutbox.MAX_ATTEMPTS));
		model.addAttribute("mailFailed", jdbc.queryForObject(
				"select count(*) from mail_outbox where sent_at is null and attempts >= ?", Long.class, MailOutbox.MAX_ATTEMPTS));
		return "notification/system";
	}

}
