package io.estatedesk.complaint;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import jakarta.validation.Valid;
import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.Records;
import io.estatedesk.shared.Strings;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The steps of a complaint's handling taken on its page: each posts to the facade and comes back to the page, with
 * a flash message, or — refused — with what the user typed and the message next to the field.
 */
@Controller
@RequestMapping("/complaints")
@PreAuthorize("hasAuthority('COMPLAINT_VIEW')")
class ComplaintActionController {

	private final ComplaintManagement management;

	private final ComplaintDetailPage page;

	ComplaintActionController(ComplaintManagement management, ComplaintDetailPage page) {
		this.management = management;
		this.page = page;
	}

	/** Runs an action; on a rule, input or version problem shows the page again with the user's input kept. */
	private String act(long id, Map<String, String> draft, Model model, RedirectAttributes flash, String success,
			Runnable action) {
		try {
			action.run();
			flash.addFlashAttribute("flashSuccess", success);
			return "redirect:/complaints/" + id;
		}
		catch (InvalidInputException e) {
			model.addAttribute("fieldErrors", e.errors());
		}
		catch (BusinessRuleException e) {
			model.addAttribute("actionError", e.getMessage());
			model.addAttribute("actionErrorArgs", e.args());
		}
		catch (ComplaintConflict e) {
			model.addAttribute("changes", e.changes());
		}
		model.addAttribute("draft", draft);
		return page.render(id, model);
	}

	@PostMapping("/{id}/analysis")
	String analysis(@PathVariable long id, @Valid AnalysisForm form, @RequestParam long version, Model model,
			RedirectAttributes flash) {
		return act(id, Records.texts(form), model, flash, "common.saved",
				() -> management.saveAnalysis(id, form, version));
	}

	@PostMapping("/{id}/followups")
	String followup(@PathVariable long id, @RequestParam(required = false) String way,
			@RequestParam(required = false) String content,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime occurredAt,
			Model model, RedirectAttributes flash) {
		Map<String, String> draft = Map.of("followupWay", Strings.orEmpty(way), "followupContent", Strings.orEmpty(content));
		return act(id, draft, model, flash, "followup.added", () -> {
			Map<String, String> errors = new HashMap<>();
			if (way == null || way.isBlank()) {
				errors.put("followupWay", "followup.way.required");
			}
			if (content == null || content.isBlank()) {
				errors.put("followupContent", "followup.content.required");
			}
			if (!errors.isEmpty()) {
				throw new InvalidInputException(errors);
			}
			management.addFollowup(id, new FollowupForm(occurredAt, way, content));
		});
	}

	@PostMapping("/{id}/submit")
	String submit(@PathVariable long id, @RequestParam long version, Model model, RedirectAttributes flash) {
		return act(id, Map.of(), model, flash, "complaint.submitted", () -> management.submit(id, version));
	}

	@PostMapping("/{id}/instruction")
	String instruct(@PathVariable long id, @RequestParam(required = false) String leaderInstruction,
			@RequestParam(defaultValue = "true") boolean approve, @RequestParam long version, Model model,
			RedirectAttributes flash) {
		return act(id, Map.of("leaderInstruction", Strings.orEmpty(leaderInstruction)), model, flash, "complaint.instructed",
				() -> management.instruct(id, leaderInstruction, approve, version));
	}

	@PostMapping("/{id}/reply")
	String reply(@PathVariable long id, @RequestParam(required = false) String replyContent,
			@RequestParam(required = false) String replyWay, @RequestParam long version, Model model,
			RedirectAttributes flash) {
		return act(id, Map.of("replyContent", Strings.orEmpty(replyContent)), model, flash, "complaint.replied",
				() -> management.reply(id, replyContent, replyWay, version));
	}

	@PostMapping("/{id}/return-visit")
	String returnVisit(@PathVariable long id, @RequestParam(defaultValue = "true") boolean satisfied,
			@RequestParam(required = false) String returnResult, @RequestParam long version, Model model,
			RedirectAttributes flash) {
		return act(id, Map.of("returnResult", Strings.orEmpty(returnResult)), model, flash,
				satisfied ? "complaint.returnVisited" : "complaint.reopened",
				() -> management.returnVisit(id, satisfied, returnResult, version));
	}

	@PostMapping("/{id}/close")
	String close(@PathVariable long id, @RequestParam(required = false) String lesson, @RequestParam long version,
			Model model, RedirectAttributes flash) {
		return act(id, Map.of("lesson", Strings.orEmpty(lesson)), model, flash, "complaint.closedDone",
				() -> management.close(id, lesson, version));
	}

	@PostMapping("/{id}/transfer")
	String transfer(@PathVariable long id, @RequestParam(required = false) Long handlerId,
			@RequestParam(required = false) String reason, @RequestParam long version, Model model,
			RedirectAttributes flash) {
		return act(id, Map.of("transferReason", Strings.orEmpty(reason)), model, flash, "complaint.transferred", () -> {
			if (handlerId == null) {
				throw new InvalidInputException(Map.of("handlerId", "complaint.receiver.unknown"));
			}
			management.transfer(id, handlerId, reason, version);
		});
	}

	@PostMapping("/{id}/appointment")
	String appointment(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime appointmentAt,
			@RequestParam(required = false) String note, @RequestParam long version, Model model, RedirectAttributes flash) {
		return act(id, Map.of("appointmentNote", Strings.orEmpty(note)), model, flash, "complaint.appointed",
				() -> management.appoint(id, appointmentAt, note, version));
	}

	@PostMapping("/{id}/waiting")
	String waiting(@PathVariable long id, @RequestParam boolean waiting, @RequestParam long version, Model model,
			RedirectAttributes flash) {
		return act(id, Map.of(), model, flash, waiting ? "complaint.paused" : "complaint.resumed",
				() -> management.setWaiting(id, waiting, version));
	}

	@PostMapping("/{id}/attachments")
	String attach(@PathVariable long id, @RequestParam(required = false) MultipartFile file, Model model,
			RedirectAttributes flash) {
		return act(id, Map.of(), model, flash, "attachment.added", () -> management.attach(id, file));
	}

	@PostMapping("/{id}/parties")
	String party(@PathVariable long id, @RequestParam(required = false) Long unitId,
			@RequestParam(required = false) Long ownerId, @RequestParam long version, Model model,
			RedirectAttributes flash) {
		return act(id, Map.of(), model, flash, "complaint.partyAdded", () -> management.addParty(id, ownerId, unitId, version));
	}

	@PostMapping("/{id}/group")
	String group(@PathVariable long id, @RequestParam(required = false) String otherCode, @RequestParam long version,
			Model model, RedirectAttributes flash) {
		return act(id, Map.of("otherCode", Strings.orEmpty(otherCode)), model, flash, "complaint.grouped",
				() -> management.mergeIntoGroup(id, otherCode, version));
	}

}
