package io.estatedesk.staff;

import io.estatedesk.shared.BusinessClock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.HashSet;

import jakarta.validation.Valid;
import io.estatedesk.shared.BusinessRuleException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Accounts (员工账号) and the role × permission matrix (角色权限), for administrators. */
@Controller
@RequestMapping("/admin")
class StaffAdminController {

	private final StaffManagement staff;

	private final StaffAccountRepository accounts;

	private final RoleRepository roles;

	private final PositionRepository positions;

	private final JdbcTemplate jdbc;

	private final AuditTrail audit;

	StaffAdminController(StaffManagement staff, StaffAccountRepository accounts, RoleRepository roles,
			PositionRepository positions, JdbcTemplate jdbc, AuditTrail audit) {
		this.audit = audit;
		this.staff = staff;
		this.accounts = accounts;
		this.roles = roles;
		this.positions = positions;
		this.jdbc = jdbc;
	}

	@GetMapping("/staff")
	String list(Model model) {
		model.addAttribute("accounts", accounts.findAllByOrderByIdAsc());
		model.addAttribute("now", BusinessClock.now());
		return "staff/list";
	}

	@GetMapping("/staff/new")
	String createForm(Model model) {
		model.addAttribute("form", new StaffForm("", "", null, Set.of(), "", "", ""));
		return form(model, null);
	}

	private String form(Model model, StaffAccount existing) {
		model.addAttribute("account", existing);
		model.addAttribute("roles", roles.findAllByOrderBySortOrderAsc());
		model.addAttribute("positions", positions.findAllByOrderBySortOrderAsc());
		return "staff/form";
	}

	@PostMapping("/staff/new")
	String create(@Valid @ModelAttribute("form") StaffForm form, BindingResult errors, @RequestParam String password,
			Model model, RedirectAttributes flash) {
		if (!errors.hasErrors()) {
			try {
				staff.create(form, password);
				flash.addFlashAttribute("flashSuccess", "staff.created");
				return "redirect:/admin/staff";
			}
			catch (BusinessRuleException e) {
				if ("password".equals(e.field())) {
					model.addAttribute("passwordError", e.getMessage());
				}
				else {
					errors.rejectValue(e.field() == null ? "username" : e.field(), e.getMessage());
				}
			}
		}
		return form(model, null);
	}

	@GetMapping("/staff/{id}")
	String editForm(@PathVariable long id, Model model) {
		StaffAccount a = staff.get(id);
		model.addAttribute("form", new StaffForm(a.username, a.displayName, a.position == null ? null : a.position.id,
				a.roles.stream().map(r -> r.id).collect(java.util.stream.Collectors.toSet()), a.phone, a.email,
				a.organization));
		model.addAttribute("version", a.version);
		return form(model, a);
	}

	@PostMapping("/staff/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") StaffForm form, BindingResult errors,
			@RequestParam long version, Model model, RedirectAttributes flash) {
		StaffAccount a = staff.get(id);
		if (!errors.hasErrors()) {
			try {
				staff.update(id, form, version);
				flash.addFlashAttribute("flashSuccess", "common.saved");
				return "redirect:/admin/staff";
			}
			catch (OptimisticLockingFailureException e) {
				model.addAttribute("conflict", true);
			}
		}
		model.addAttribute("version", version);
		return form(model, a);
	}

	@PostMapping("/staff/{id}/enabled")
	String enable(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes flash) {
		try {
			staff.setEnabled(id, enabled);
			flash.addFlashAttribute("flashSuccess", enabled ? "staff.enabled.done" : "staff.disabled.done");
		}
		catch (BusinessRuleException e) {
			flash.addFlashAttribute("flashError", e.getMessage());
		}
		return "redirect:/admin/staff";
	}

	@PostMapping("/staff/{id}/password")
	String reset(@PathVariable long id, RedirectAttributes flash) {
		String pw = staff.resetPassword(id);
		flash.addFlashAttribute("flashSuccess", "staff.password.reset");
		flash.addFlashAttribute("newPassword", pw);
		flash.addFlashAttribute("newPasswordUser", staff.get(id).username);
		return "redirect:/admin/staff";
	}

	@GetMapping("/roles")
	String matrix(Model model) {
		model.addAttribute("roles", roles.findAllByOrderBySortOrderAsc());
		model.addAttribute("permissions", permissionsByModule());
		return "staff/roles";
	}

	/** Permission codes grouped by the module they belong to, in display order. */
	private Map<String, List<String>> permissionsByModule() {
		Map<String, List<String>> byModule = new java.util.LinkedHashMap<>();
		jdbc.query("select code, module from permission order by sort_order, code", rs -> {
			byModule.computeIfAbsent(rs.getString("module"), k -> new java.util.ArrayList<>()).add(rs.getString("code"));
		});
		return byModule;
	}

	@PostMapping("/roles")
	String saveMatrix(@RequestParam Map<String, String> params, RedirectAttributes flash) {
		// checkbox names are "p_<roleId>_<permission>"
		Map<Long, Set<String>> matrix = new TreeMap<>();
		for (Role r : roles.findAll()) {
			matrix.put(r.id, new HashSet<>());
		}
		Set<String> known = new HashSet<>(jdbc.queryForList("select code from permission", String.class));
		params.keySet().stream().filter(k -> k.startsWith("p_")).forEach(k -> {
			String[] parts = k.split("_", 3);
			if (parts.length == 3 && known.contains(parts[2])) {
				Set<String> set = matrix.get(Long.valueOf(parts[1]));
				if (set != null) {
					set.add(parts[2]);
				}
			}
		});
		// an administrator must not lock everyone out of the matrix itself
		boolean someoneAdministers = matrix.values().stream().anyMatch(s -> s.contains("ROLE_ADMIN"));
		if (!someoneAdministers) {
			flash.addFlashAttribute("flashError", "role.matrix.keepAdmin");
			return "redirect:/admin/roles";
		}
		List<String> changes = staff.setMatrix(matrix);
		if (!changes.isEmpty()) {
			audit.record(AuditTrail.ROLE_MATRIX, "角色权限", String.join("；", changes));
		}
		flash.addFlashAttribute("flashSuccess", "role.matrix.saved");
		return "redirect:/admin/roles";
	}

	@GetMapping("/roles/new")
	String newRole(Model model) {
		model.addAttribute("form", new RoleForm("", "", ""));
		return "staff/role-form";
	}

	@PostMapping("/roles/new")
	String createRole(@Valid @ModelAttribute("form") RoleForm form, BindingResult errors, RedirectAttributes flash) {
		if (!errors.hasErrors()) {
			try {
				Role r = staff.createRole(form);
				audit.record(AuditTrail.ROLE_CREATE, "角色 " + r.name + "（" + r.code + "）", r.description);
				flash.addFlashAttribute("flashSuccess", "role.created");
				return "redirect:/admin/roles#role-" + r.code;
			}
			catch (BusinessRuleException e) {
				errors.rejectValue(e.field(), e.getMessage());
			}
			catch (org.springframework.dao.DataIntegrityViolationException e) {
				// another administrator took the same code a moment ago
				errors.rejectValue("code", "role.code.taken");
			}
		}
		return "staff/role-form";
	}

}
