package io.estatedesk.complaint;

import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 投诉设置: the categories, the time limits per category and severity (in working hours), which need a 领导批示,
 * the numbering format and the warning lead time.
 */
@Controller
@RequestMapping("/complaints/settings")
@PreAuthorize("hasAuthority('COMPLAINT_SETTINGS')")
class ComplaintSettingsController {

	record RuleRow(long id, Long categoryId, String categoryName, Severity severity, double ackHours, double replyHours,
			double closeHours, boolean needsInstruction) {
	}

	private final JdbcTemplate jdbc;

	private final ComplaintQueries queries;

	ComplaintSettingsController(JdbcTemplate jdbc, ComplaintQueries queries) {
		this.jdbc = jdbc;
		this.queries = queries;
	}

	@GetMapping
	String page(Model model) {
		model.addAttribute("categories", queries.categories());
		model.addAttribute("rules", jdbc.query("""
				select r.*, c.name category_name from complaint_sla_rule r left join complaint_category c on c.id = r.category_id
				order by c.sort_order nulls first, r.severity""",
				(rs, i) -> new RuleRow(rs.getLong("id"), (Long) rs.getObject("category_id"), rs.getString("category_name"),
						Severity.valueOf(rs.getString("severity")), rs.getInt("ack_minutes") / 60.0,
						rs.getInt("reply_minutes") / 60.0, rs.getInt("close_minutes") / 60.0, rs.getBoolean("needs_instruction"))));
		Map<String, String> settings = new java.util.HashMap<>();
		jdbc.query("select key, value from complaint_setting", rs -> {
			settings.put(rs.getString(1), rs.getString(2));
		});
		model.addAttribute("settings", settings);
		return "complaint/settings";
	}

	@PostMapping("/categories")
	String addCategory(@RequestParam(required = false) String name, RedirectAttributes flash) {
		if (name == null || name.isBlank() || name.strip().length() > 40) {
			flash.addFlashAttribute("flashError", "settings.category.name.required");
			return "redirect:/complaints/settings";
		}
		int added = jdbc.update("""
				insert into complaint_category (name, sort_order) values (?, (select coalesce(max(sort_order), 0) + 1 from complaint_category))
				on conflict (name) do nothing""", name.strip());
		flash.addFlashAttribute(added == 1 ? "flashSuccess" : "flashError", added == 1 ? "common.saved" : "settings.category.exists");
		return "redirect:/complaints/settings";
	}

	@PostMapping("/categories/active")
	String toggleCategory(@RequestParam long id, @RequestParam boolean active, RedirectAttributes flash) {
		jdbc.update("update complaint_category set active = ?, version = version + 1 where id = ?", active, id);
		flash.addFlashAttribute("flashSuccess", "common.saved");
		return "redirect:/complaints/settings";
	}

	@PostMapping("/rules")
	@Transactional
	String saveRule(@RequestParam(required = false) Long categoryId, @RequestParam Severity severity,
			@RequestParam double ackHours, @RequestParam double replyHours, @RequestParam double closeHours,
			@RequestParam(defaultValue = "false") boolean needsInstruction, RedirectAttributes flash) {
		if (ackHours <= 0 || replyHours < ackHours || closeHours < replyHours || closeHours > 2000) {
			flash.addFlashAttribute("flashError", "settings.rule.invalid");
			return "redirect:/complaints/settings";
		}
		int ack = (int) Math.round(ackHours * 60);
		int reply = (int) Math.round(replyHours * 60);
		int close = (int) Math.round(closeHours * 60);
		int updated = categoryId == null
				? jdbc.update("update complaint_sla_rule set ack_minutes = ?, reply_minutes = ?, close_minutes = ?, needs_instruction = ?, version = version + 1 where category_id is null and severity = ?",
						ack, reply, close, needsInstruction, severity.name())
				: jdbc.update("update complaint_sla_rule set ack_minutes = ?, reply_minutes = ?, close_minutes = ?, needs_instruction = ?, version = version + 1 where category_id = ? and severity = ?",
						ack, reply, close, needsInstruction, categoryId, severity.name());
		if (updated == 0) {
			jdbc.update("insert into complaint_sla_rule (category_id, severity, ack_minutes, reply_minutes, close_minutes, needs_instruction) values (?, ?, ?, ?, ?, ?)",
					categoryId, severity.name(), ack, reply, close, needsInstruction);
		}
		flash.addFlashAttribute("flashSuccess", "settings.rule.saved");
		return "redirect:/complaints/settings";
	}

	@PostMapping("/general")
	String saveGeneral(@RequestParam String codeFormat, @RequestParam int warnMinutes, RedirectAttributes flash) {
		if (!codeFormat.contains("{seq:") || codeFormat.length() > 60 || warnMinutes < 5 || warnMinutes > 1440) {
			flash.addFlashAttribute("flashError", "settings.general.invalid");
			return "redirect:/complaints/settings";
		}
		jdbc.update("update complaint_setting set value = ? where key = 'code.format'", codeFormat.strip());
		jdbc.update("update complaint_setting set value = ? where key = 'warn.minutes'", String.valueOf(warnMinutes));
		flash.addFlashAttribute("flashSuccess", "common.saved");
		return "redirect:/complaints/settings";
	}

}
