package io.estatedesk.complaint;

import jakarta.validation.Valid;
import io.estatedesk.shared.PageForms;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The steps of a complaint's handling taken on its page. Each step binds its own form record (the page's form of
 * the same name shows it), posts to the facade and comes back to the page with a flash message — or, refused, renders
 * the page again with everything the user typed in that form and each message under its field.
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

	/**
	 * Runs a step whose form passed its checks; a rule, input or version problem goes onto the form (next to the
	 * field it names, else at the top of that form) and the page is shown again with the form as typed.
	 */
	private String act(long id, BindingResult errors, Model model, RedirectAttributes flash, String success,
			Runnable action) {
		if (PageForms.ran(errors, model, action)) {
			flash.addFlashAttribute("flashSuccess", success);
			return "redirect:/complaints/" + id;
		}
		return page.render(id, model);
	}

	@PostMapping("/{id}/analysis")
	String analysis(@PathVariable long id, @Valid @ModelAttribute("analysisForm") AnalysisForm form, BindingResult errors,
			@RequestParam long version, Model model, RedirectAttributes flash) {
		return act(id, errors, model, flash, "common.saved", () -> management.saveAnalysis(id, form, version));
	}

	/** 处理完毕，提交 — posted by the analysis form, so what it carries is saved with the step or kept on refusal. */
	@PostMapping("/{id}/submit")
	String submit(@PathVariable long id, @Valid @ModelAttribute("analysisForm") AnalysisForm form, BindingResult errors,
			@RequestParam long version, Model model, RedirectAttributes flash) {
		return act(id, errors, model, flash, "complaint.submitted", () -> management.submit(id, form, version));
	}

	@PostMapping("/{id}/followups")
	String followup(@PathVariable long id, @Valid @ModelAttribute("followupForm") FollowupForm form, BindingResult errors,
			Model model, RedirectAttributes flash) {
		return act(id, errors, model, flash, "followup.added", () -> management.addFollowup(id, form));
	}

	@PostMapping("/{id}/instruction")
	String instruct(@PathVariable long id, @Valid @ModelAttribute("instructionForm") InstructionForm form,
			BindingResult errors, @RequestParam long version, Model model, RedirectAttributes flash) {
		return act(id, errors, model, flash, "complaint.instructed", () -> management.instruct(id,
				form.leaderInstruction(), !Boolean.FALSE.equals(form.approve()), version));
	}

	@PostMapping("/{id}/reply")
	String reply(@PathVariable long id, @Valid @ModelAttribute("replyForm") ReplyForm form, BindingResult errors,
			@RequestParam long version, Model model, RedirectAttributes flash) {
		return act(id, errors, model, flash, "complaint.replied",
				() -> management.reply(id, form.replyContent(), form.replyWay(), version));
	}

	@PostMapping("/{id}/return-visit")
	String returnVisit(@PathVariable long id, @Valid @ModelAttribute("returnVisitForm") ReturnVisitForm form,
			BindingResult errors, @RequestParam long version, Model model, RedirectAttributes flash) {
		boolean satisfied = !Boolean.FALSE.equals(form.satisfied());
		return act(id, errors, model, flash, satisfied ? "complaint.returnVisited" : "complaint.reopened",
				() -> management.returnVisit(id, satisfied, form.returnResult(), version));
	}

	@PostMapping("/{id}/close")
	String close(@PathVariable long id, @Valid @ModelAttribute("closeForm") CloseForm form, BindingResult errors,
			@RequestParam long version, Model model, RedirectAttributes flash) {
		return act(id, errors, model, flash, "complaint.closedDone", () -> management.close(id, form.lesson(), version));
	}

	@PostMapping("/{id}/transfer")
	String transfer(@PathVariable long id, @Valid @ModelAttribute("transferForm") TransferForm form, BindingResult errors,
			@RequestParam long version, Model model, RedirectAttributes flash) {
		if (form.handlerId() == null) {
			errors.rejectValue("handlerId", "complaint.receiver.unknown");
		}
		return act(id, errors, model, flash, "complaint.transferred",
				() -> management.transfer(id, form.handlerId(), form.reason(), version));
	}

	@PostMapping("/{id}/appointment")
	String appointment(@PathVariable long id, @Valid @ModelAttribute("appointmentForm") AppointmentForm form,
			BindingResult errors, @RequestParam long version, Model model, RedirectAttributes flash) {
		return act(id, errors, model, flash, "complaint.appointed",
				() -> management.appoint(id, form.appointmentAt(), form.note(), version));
	}

	@PostMapping("/{id}/waiting")
	String waiting(@PathVariable long id, @ModelAttribute("waitingForm") WaitingForm form, BindingResult errors,
			@RequestParam long version, Model model, RedirectAttributes flash) {
		boolean waiting = Boolean.TRUE.equals(form.waiting());
		return act(id, errors, model, flash, waiting ? "complaint.paused" : "complaint.resumed",
				() -> management.setWaiting(id, waiting, version));
	}

	@PostMapping("/{id}/attachments")
	String attach(@PathVariable long id, @ModelAttribute("attachmentForm") AttachmentForm form, BindingResult errors,
			Model model, RedirectAttributes flash) {
		return act(id, errors, model, flash, "attachment.added", () -> management.attach(id, form.file()));
	}

	@PostMapping("/{id}/parties")
	String party(@PathVariable long id, @ModelAttribute("partyForm") PartyForm form, BindingResult errors,
			@RequestParam long version, Model model, RedirectAttributes flash) {
		return act(id, errors, model, flash, "complaint.partyAdded",
				() -> management.addParty(id, form.ownerId(), form.unitId(), version));
	}

	@PostMapping("/{id}/group")
	String group(@PathVariable long id, @Valid @ModelAttribute("groupForm") GroupForm form, BindingResult errors,
			@RequestParam long version, Model model, RedirectAttributes flash) {
		return act(id, errors, model, flash, "complaint.grouped",
				() -> management.mergeIntoGroup(id, form.otherCode(), version));
	}

	/** 等待业主 (pause the time limits) or resume. */
	record WaitingForm(Boolean waiting) {
	}

	/** A file for the complaint's 照片与附件. */
	record AttachmentForm(MultipartFile file) {
	}

}
