package io.estatedesk.estate;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The option lists behind the cascading 项目 → 楼栋 → 房号 pickers (htmx fragments). */
@Controller
@PreAuthorize("hasAuthority('ARCHIVE_VIEW')")
class OptionsController {

	private final ArchiveQueries queries;

	OptionsController(ArchiveQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/archive/options/buildings")
	String buildings(@RequestParam(required = false) Long projectId, @RequestParam(defaultValue = "false") boolean pick,
			Model model) {
		model.addAttribute("pick", pick);
		model.addAttribute("buildings", projectId == null ? java.util.List.of() : queries.buildings(projectId));
		return "estate/options :: buildings";
	}

	@GetMapping("/archive/options/units")
	String units(@RequestParam(required = false) Long buildingId, Model model) {
		model.addAttribute("units", buildingId == null ? java.util.List.of() : queries.unitsOfBuilding(buildingId));
		return "estate/options :: units";
	}

}
