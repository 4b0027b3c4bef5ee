package io.estatedesk.estate;

import io.estatedesk.shared.WorkbenchItems;
import io.estatedesk.staff.Permissions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 工作台: what waits for the user in every module, and what the archive holds, with links into it. */
@Controller
class HomeController {

	private final ArchiveQueries queries;

	private final Permissions permissions;

	private final ObjectProvider<WorkbenchItems> workbench;

	HomeController(ArchiveQueries queries, Permissions permissions, ObjectProvider<WorkbenchItems> workbench) {
		this.queries = queries;
		this.permissions = permissions;
		this.workbench = workbench;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("todo", workbench.orderedStream().flatMap(w -> w.items().stream()).toList());
		if (permissions.has("ARCHIVE_VIEW")) {
			model.addAttribute("stats", queries.statistics(null));
			model.addAttribute("statuses", UnitStatus.values());
		}
		return "estate/home";
	}

}
