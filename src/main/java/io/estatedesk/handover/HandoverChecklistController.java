package io.estatedesk.handover;

import java.util.List;

import io.estatedesk.shared.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The inspection checklist's page: the items every unit is inspected on, and the trade that repairs each. */
@Controller
@RequestMapping("/handover")
@PreAuthorize("hasAuthority('HANDOVER_VIEW')")
class HandoverChecklistController {

	private final HandoverManagement management;

	private final HandoverQueries queries;

	HandoverChecklistController(HandoverManagement management, HandoverQueries queries) {
		this.management = management;
		this.queries = queries;
	}

	@GetMapping("/checklist")
	@PreAuthorize("hasAuthority('HANDOVER_MANAGE')")
	String checklist(Model model) {
		model.addAttribute("items", queries.checklist());
		model.addAttribute("trades", List.of("CIVIL", "WATERPROOF", "PLUMBING_ELECTRIC", "DOOR_WINDOW", "ELEVATOR", "FITOUT",
				"HVAC", "FIRE", "LANDSCAPE", "OTHER"));
		return "handover/checklist";
	}

	@PostMapping("/checklist")
	@PreAuthorize("hasAuthority('HANDOVER_MANAGE')")
	String saveCheckItem(@RequestParam(required = false) Long id, @RequestParam(required = false) String room,
			@RequestParam(required = false) String item, @RequestParam(required = false) String tradeCode,
			@RequestParam(required = false) Integer sortOrder, @RequestParam(defaultValue = "false") boolean active,
			RedirectAttributes flash) {
		try {
			management.saveCheckItem(id, room, item, tradeCode, sortOrder, id == null || active);
			flash.addFlashAttribute("flashSuccess", "common.saved");
		}
		catch (InvalidInputException e) {
			flash.addFlashAttribute("flashError", e.errors().values().iterator().next());
		}
		return "redirect:/handover/checklist";
	}

}
