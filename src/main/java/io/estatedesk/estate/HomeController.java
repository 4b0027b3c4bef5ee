package io.estatedesk.estate;

import io.estatedesk.staff.Permissions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 工作台: what the archive holds, with links into it. */
@Controller
class HomeController {

	private final ArchiveQueries queries;

	private final Permissions permissions;

	HomeController(ArchiveQueries queries, Permissions permissions) {
		this.queries = queries;
		this.permissions = permissions;
	}

	@GetMapping("/")
	String home(Model model) {
		if (permissions.has("ARCHIVE_VIEW")) {
			model.addAttribute("stats", queries.statistics(null));
			model.addAttribute("statuses", UnitStatus.values());
		}
		return "estate/home";
	}

}
