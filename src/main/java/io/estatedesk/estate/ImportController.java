package io.estatedesk.estate;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import io.estatedesk.shared.BusinessRuleException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 导入: template, upload, progress (polled by htmx) and the rejected-rows report. */
@Controller
@RequestMapping("/imports")
@PreAuthorize("hasAuthority('ARCHIVE_IMPORT')")
class ImportController {

	private final ImportJobs jobs;

	private final ArchiveSheets sheets;

	private final MessageSource messages;

	ImportController(ImportJobs jobs, ArchiveSheets sheets, MessageSource messages) {
		this.jobs = jobs;
		this.sheets = sheets;
		this.messages = messages;
	}

	@GetMapping
	String page(Model model) {
		model.addAttribute("jobs", jobs.recent());
		return "estate/imports";
	}

	@GetMapping("/template")
	void template(HttpServletResponse response) throws IOException {
		io.estatedesk.shared.Downloads.xlsx(response, "业主档案导入模板.xlsx");
		sheets.template(response.getOutputStream());
	}

	@PostMapping
	String upload(@RequestParam(required = false) MultipartFile file, RedirectAttributes flash) throws IOException {
		if (file == null) {
			flash.addFlashAttribute("fileError", messages.getMessage("import.file.empty", null, LocaleContextHolder.getLocale()));
			return "redirect:/imports";
		}
		try {
			return "redirect:/imports/" + jobs.start(file);
		}
		catch (BusinessRuleException e) {
			// shown next to the file field, with the limit it broke
			flash.addFlashAttribute("fileError",
					messages.getMessage(e.getMessage(), e.args(), e.getMessage(), LocaleContextHolder.getLocale()));
			return "redirect:/imports";
		}
	}

	@GetMapping("/{id}")
	String job(@PathVariable long id, Model model) {
		model.addAttribute("job", jobs.get(id));
		model.addAttribute("rejections", jobs.rejections(id, 200));
		return "estate/import";
	}

	@GetMapping("/{id}/progress")
	String progress(@PathVariable long id, Model model) {
		model.addAttribute("job", jobs.get(id));
		model.addAttribute("rejections", jobs.rejections(id, 200));
		return "estate/import :: progress";
	}

	@GetMapping("/{id}/report")
	void report(@PathVariable long id, HttpServletResponse response) throws IOException {
		io.estatedesk.shared.Downloads.xlsx(response, "导入错误报告-" + id + ".xlsx");
		jobs.report(id, response.getOutputStream());
	}

}
