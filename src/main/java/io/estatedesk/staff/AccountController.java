package io.estatedesk.staff;

import java.security.Principal;

import io.estatedesk.shared.BusinessRuleException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own account: password and API tokens; the login page; positions. */
@Controller
class AccountController {

	private final StaffManagement staff;

	private final StaffAccountRepository accounts;

	private final PositionRepository positions;

	private final ApiTokens tokens;

	AccountController(StaffManagement staff, StaffAccountRepository accounts, PositionRepository positions,
			ApiTokens tokens) {
		this.staff = staff;
		this.accounts = accounts;
		this.positions = positions;
		this.tokens = tokens;
	}

	@GetMapping("/login")
	String login() {
		return "staff/login";
	}

	@GetMapping("/account")
	String account(Principal principal, Model model) {
		StaffAccount me = accounts.findByUsername(principal.getName()).orElseThrow();
		model.addAttribute("me", me);
		model.addAttribute("tokens", tokens.of(me.id));
		return "staff/account";
	}

	@PostMapping("/account/password")
	String changePassword(Principal principal, @RequestParam String currentPassword, @RequestParam String newPassword,
			@RequestParam String confirmPassword, Model model, RedirectAttributes flash) {
		if (!newPassword.equals(confirmPassword)) {
			model.addAttribute("passwordErrors", java.util.Map.of("confirmPassword", "account.password.mismatch"));
			return account(principal, model);
		}
		try {
			staff.changeOwnPassword(principal.getName(), currentPassword, newPassword);
		}
		catch (BusinessRuleException e) {
			model.addAttribute("passwordErrors", java.util.Map.of(e.field(), e.getMessage()));
			return account(principal, model);
		}
		flash.addFlashAttribute("flashSuccess", "account.password.changed");
		return "redirect:/account";
	}

	@PostMapping("/account/tokens")
	String createToken(Principal principal, @RequestParam String name, @RequestParam(required = false) Integer days,
			Model model, RedirectAttributes flash) {
		if (name == null || name.isBlank() || name.length() > 60) {
			model.addAttribute("tokenError", "account.token.name.required");
			return account(principal, model);
		}
		if (days != null && (days < 1 || days > 3650)) {
			model.addAttribute("tokenError", "account.token.days.invalid");
			return account(principal, model);
		}
		StaffAccount me = accounts.findByUsername(principal.getName()).orElseThrow();
		flash.addFlashAttribute("newToken", tokens.create(me.id, name.strip(), days));
		flash.addFlashAttribute("flashSuccess", "account.token.created");
		return "redirect:/account";
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revoke(Principal principal, @PathVariable long id, RedirectAttributes flash) {
		StaffAccount me = accounts.findByUsername(principal.getName()).orElseThrow();
		tokens.revoke(me.id, id);
		flash.addFlashAttribute("flashSuccess", "account.token.revoked");
		return "redirect:/account";
	}

	@GetMapping("/positions")
	String positions(Model model) {
		model.addAttribute("positions", positions.findAllByOrderBySortOrderAsc());
		return "staff/positions";
	}

	@PostMapping("/positions/{id}")
	@org.springframework.security.access.prepost.PreAuthorize("hasAuthority('STAFF_ADMIN')")
	String savePosition(@PathVariable long id, @RequestParam String duties, @RequestParam long version,
			RedirectAttributes flash) {
		try {
			staff.updatePosition(id, duties, version);
			flash.addFlashAttribute("flashSuccess", "common.saved");
		}
		catch (org.springframework.dao.OptimisticLockingFailureException e) {
			flash.addFlashAttribute("flashError", "problem.conflict.detail");
		}
		return "redirect:/positions";
	}

}
