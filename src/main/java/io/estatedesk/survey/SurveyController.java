package io.estatedesk.survey;

import io.estatedesk.shared.Texts;
import io.estatedesk.shared.PageData;
import io.estatedesk.shared.BusinessClock;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import io.estatedesk.estate.ArchiveLookup;
import io.estatedesk.shared.Downloads;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.PageForms;
import io.estatedesk.shared.Paged;
import io.estatedesk.shared.XlsxTable;
import io.estatedesk.staff.AuditTrail;
import io.estatedesk.staff.ConfidentialNumbers;
import io.estatedesk.staff.Permissions;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import jakarta.validation.Valid;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 满意度调查 pages for staff: templates, campaigns, answering by phone, results and export. */
@Controller
@RequestMapping("/surveys")
@PreAuthorize("hasAuthority('SURVEY_VIEW')")
class SurveyController {

	private final Surveys surveys;

	private final ArchiveLookup archive;

	private final Permissions permissions;

	private final AuditTrail audit;

	private final PageData pageData;

	private final ConfidentialNumbers numbers;

	private final SurveyLinks links;

	SurveyController(Surveys surveys, ArchiveLookup archive, Permissions permissions, AuditTrail audit, PageData pageData,
			ConfidentialNumbers numbers, SurveyLinks links) {
		this.numbers = numbers;
		this.links = links;
		this.surveys = surveys;
		this.archive = archive;
		this.permissions = permissions;
		this.audit = audit;
		this.pageData = pageData;
	}

	@GetMapping
	String home(Model model) {
		model.addAttribute("campaigns", surveys.campaigns());
		model.addAttribute("templates", surveys.templates());
		model.addAttribute("projects", archive.projects());
		model.addAttribute("audiences", Surveys.Audience.values());
		model.addAttribute("byProject", surveys.breakdown(null, false));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", SurveyForms.CampaignForm.empty());
		}
		return "survey/surveys";
	}

	@PostMapping("/campaigns")
	@PreAuthorize("hasAuthority('SURVEY_MANAGE')")
	String createCampaign(@Valid @ModelAttribute("form") SurveyForms.CampaignForm form, BindingResult errors, Model model,
			RedirectAttributes flash) {
		if (!errors.hasErrors()) {
			try {
				long id = surveys.createCampaign(form.templateId(), form.name(), form.audience(), form.projectId());
				long targets = surveys.summary(id).targets();
				// a claim about links only when there are owners to have them
				flash.addFlashAttribute("flashSuccess", targets == 0 ? "survey.campaign.createdEmpty" : "survey.campaign.created");
				return "redirect:/surveys/campaigns/" + id;
			}
			catch (InvalidInputException e) {
				e.addTo(errors);
			}
		}
		return home(model);
	}

	@GetMapping("/templates/new")
	@PreAuthorize("hasAuthority('SURVEY_MANAGE')")
	String templateForm(Model model) {
		model.addAttribute("kinds", Surveys.Kind.values());
		PageForms.keep(model, "templateForm", SurveyForms.TemplateForm::empty);
		return "survey/template-form";
	}

	@PostMapping("/templates")
	@PreAuthorize("hasAuthority('SURVEY_MANAGE')")
	String createTemplate(@Valid @ModelAttribute("templateForm") SurveyForms.TemplateForm form, BindingResult errors,
			Model model, RedirectAttributes flash) {
		List<SurveyForms.QuestionRow> rows = form.questions();
		boolean saved = PageForms.ran(errors, model, () -> surveys.createTemplate(form.name(), form.description(),
				rows.stream().map(SurveyForms.QuestionRow::kind).toList(),
				rows.stream().map(SurveyForms.QuestionRow::text).toList(),
				rows.stream().map(SurveyForms.QuestionRow::options).toList()));
		if (saved) {
			flash.addFlashAttribute("flashSuccess", "survey.template.created");
			return "redirect:/surveys";
		}
		return templateForm(model);
	}

	@GetMapping("/campaigns/{id}")
	String campaign(@PathVariable long id, @RequestParam(required = false) Integer page, Model model) {
		Surveys.Campaign c = surveys.campaign(id);
		model.addAttribute("c", c);
		model.addAttribute("summary", surveys.summary(id));
		List<Surveys.QuestionResult> results = surveys.results(id);
		model.addAttribute("results", results);
		model.addAttribute("byProject", surveys.breakdown(id, false));
		model.addAttribute("byMonth", surveys.breakdown(id, true));
		int p = Paged.page(page);
		List<Surveys.Target> targets = surveys.targets(id, true, p, 20);
		List<Surveys.Target> shown = targets.size() > 20 ? targets.subList(0, 20) : targets;
		model.addAttribute("targets", shown);
		if (permissions.has(SurveyLinks.PERMISSION)) {
			Map<Long, String> urls = new HashMap<>();
			shown.forEach(t -> urls.put(t.id(), links.url(t)));
			model.addAttribute("links", urls);
		}
		model.addAttribute("page", p);
		model.addAttribute("hasNext", targets.size() > 20);
		Map<String, Object> chart = new LinkedHashMap<>();
		for (Surveys.QuestionResult r : results) {
			chart.put("q" + r.question().id(), r.counts().entrySet().stream()
				.map(e -> Map.of("label", e.getKey(), "count", e.getValue())).toList());
		}
		model.addAttribute("chartData", pageData.embed(chart));
		model.addAttribute("zone", BusinessClock.ZONE);
		return "survey/campaign";
	}

	@PostMapping("/campaigns/{id}/close")
	@PreAuthorize("hasAuthority('SURVEY_MANAGE')")
	String close(@PathVariable long id, RedirectAttributes flash) {
		surveys.closeCampaign(id);
		flash.addFlashAttribute("flashSuccess", "survey.campaign.closedDone");
		return "redirect:/surveys/campaigns/" + id;
	}

	@GetMapping("/campaigns/{id}/export")
	void export(@PathVariable long id, HttpServletResponse response) throws IOException {
		Surveys.Campaign c = surveys.campaign(id);
		List<Surveys.Question> questions = surveys.questions(c.templateId());
		audit.record(AuditTrail.EXPORT, Texts.zh("survey.audit.export"), c.name());
		Downloads.xlsx(response, Texts.zh("survey.audit.export") + "-" + c.id() + "-" + BusinessClock.today().format(DateTimeFormatter.BASIC_ISO_DATE) + ".xlsx");
		boolean withLinks = permissions.has(SurveyLinks.PERMISSION);
		List<String> columns = new ArrayList<>(Stream.of("owner", "unit", "answeredAt", "way").map(k -> Texts.zh("survey.sheet." + k)).toList());
		if (withLinks) {
			columns.add(Texts.zh("survey.sheet.link"));
		}
		int first = columns.size();
		questions.forEach(q -> columns.add(q.position() + ". " + q.text()));
		XlsxTable table = new XlsxTable(response.getOutputStream(), Texts.zh("survey.sheet.name"), columns);
		DateTimeFormatter dt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BusinessClock.ZONE);
		Object[][] row = { null };
		long[] current = { -1 };
		Map<Long, Integer> column = new HashMap<>();
		for (int i = 0; i < questions.size(); i++) {
			column.put(questions.get(i).id(), first + i);
		}
		surveys.eachTarget(id, (RowCallbackHandler) rs -> {
			long target = rs.getLong(1);
			if (target != current[0]) {
				if (row[0] != null) {
					table.row(row[0]);
				}
				current[0] = target;
				row[0] = new Object[columns.size()];
				row[0][0] = rs.getString(2);
				row[0][1] = rs.getString(3);
				java.sql.Timestamp at = rs.getTimestamp(4);
				if (at != null) {
					row[0][2] = dt.format(at.toInstant());
					row[0][3] = Texts.zh("owner".equals(rs.getString(5)) ? "survey.sheet.way.link" : "survey.sheet.way.phone");
				}
				else if (withLinks) {
					// still to answer: the link to send (an answered one is used up)
					row[0][4] = links.url(rs.getString(10));
				}
			}
			Integer col = column.get(rs.getLong(6));
			if (col != null) {
				Object score = rs.getObject(7);
				row[0][col] = score != null ? score : rs.getString(8) != null ? rs.getString(8) : rs.getString(9);
			}
		});
		if (row[0] != null) {
			table.row(row[0]);
		}
		table.finish();
	}

	// ---------------------------------------------------------------- answering by phone

	@GetMapping("/targets/{id}")
	String answerForm(@PathVariable long id, Model model) {
		Surveys.Target t = surveys.target(id);
		Surveys.Campaign c = surveys.campaign(t.campaignId());
		model.addAttribute("t", t);
		model.addAttribute("c", c);
		model.addAttribute("questions", surveys.questions(c.templateId()));
		// the number in full only right after 显示完整号码, which recorded it
		boolean revealed = Boolean.TRUE.equals(model.getAttribute("revealPhone")) && numbers.mayReveal();
		model.addAttribute("mobile", ConfidentialNumbers.phone(t.mobile(), revealed));
		model.addAttribute("revealed", revealed);
		model.addAttribute("mayReveal", !revealed && numbers.mayReveal() && t.mobile() != null && !t.mobile().isBlank());
		if (t.answeredAt() == null && c.state().equals("OPEN") && permissions.has(SurveyLinks.PERMISSION)) {
			model.addAttribute("link", links.url(t));
		}
		PageForms.keep(model, "answerForm", SurveyForms.AnswerForm::empty);
		return "survey/answer";
	}

	/** The QR code of a target's personal link, for the owner's phone camera. */
	@GetMapping(value = "/targets/{id}/qr.svg", produces = "image/svg+xml")
	@PreAuthorize("hasAuthority('SURVEY_MANAGE')")
	org.springframework.http.ResponseEntity<String> qr(@PathVariable long id) {
		Surveys.Target t = surveys.target(id);
		return org.springframework.http.ResponseEntity.ok()
			.cacheControl(org.springframework.http.CacheControl.noStore())
			.contentType(org.springframework.http.MediaType.valueOf("image/svg+xml"))
			.body(SurveyLinks.qrSvg(links.url(t)));
	}

	/** 显示完整号码: the owner's number in full to make the call, recorded. */
	@PostMapping("/targets/{id}/reveal")
	String reveal(@PathVariable long id, RedirectAttributes flash) {
		Surveys.Target t = surveys.target(id);
		numbers.reveal(true, Texts.zh("survey.audit.subject", t.ownerName()), Texts.zh("survey.audit.phone"));
		flash.addFlashAttribute("revealPhone", true);
		return "redirect:/surveys/targets/" + id;
	}

	@PostMapping("/targets/{id}")
	@PreAuthorize("hasAuthority('RETURN_CALL')")
	String answer(@PathVariable long id, @Valid @ModelAttribute("answerForm") SurveyForms.AnswerForm form,
			BindingResult errors, Model model, RedirectAttributes flash) {
		Surveys.Target t = surveys.target(id);
		Surveys.Campaign c = surveys.campaign(t.campaignId());
		List<Surveys.Question> questions = surveys.questions(c.templateId());
		if (!errors.hasErrors()) {
			try {
				boolean saved = surveys.answer(id, form.toAnswers(questions), permissions.currentUsername());
				flash.addFlashAttribute(saved ? "flashSuccess" : "flashError", saved ? "survey.answer.saved" : "survey.answer.already");
				return "redirect:/surveys/campaigns/" + c.id();
			}
			catch (InvalidInputException e) {
				SurveyForms.addTo(e, errors);
			}
		}
		return answerForm(id, model);
	}

}
