package io.estatedesk.complaint;

import io.estatedesk.shared.PageForms;

import io.estatedesk.shared.Texts;
import org.springframework.context.i18n.LocaleContextHolder;

import io.estatedesk.staff.ConfidentialNumbers;
import io.estatedesk.staff.StaffManagement;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * One complaint's page as every step of its handling shows it, for the page itself and for an action that shows it
 * again with the user's input and the refusal next to the field.
 */
@Component
class ComplaintDetailPage {

	private final ComplaintManagement management;

	private final ComplaintQueries queries;

	private final ComplaintSections sections;

	private final StaffManagement staff;

	private final ConfidentialNumbers numbers;

	ComplaintDetailPage(ComplaintManagement management, ComplaintQueries queries, ComplaintSections sections,
			StaffManagement staff, ConfidentialNumbers numbers) {
		this.management = management;
		this.queries = queries;
		this.sections = sections;
		this.staff = staff;
		this.numbers = numbers;
	}

	String render(long id, Model model) {
		ComplaintViews.Full full = queries.full(id);
		boolean revealed = revealed(model);
		ComplaintViews.Detail shown = revealed ? full.detail() : full.detail().withMaskedPhone();
		model.addAttribute("c", shown);
		model.addAttribute("full", new ComplaintViews.Full(shown, full.followups(), full.attachments(), full.parties(),
				full.history()));
		revealOptions(model, full.detail(), revealed);
		model.addAttribute("mayAct", management.mayAct(full.detail().handlerId()));
		// the buttons shown are the transition table's actions for this state that this user may take
		model.addAttribute("allowed", management.allowedActions(id));
		model.addAttribute("group", queries.group(id));
		model.addAttribute("sections", sections.shown(id, full.detail().state()));
		model.addAttribute("names", staff.displayNamesByUsername());
		model.addAttribute("staffList", staff.activeWithPermission(ComplaintManagement.HANDLE));
		ComplaintViews.Detail d = full.detail();
		// each step's form as the user left it after a refusal, else as the complaint stands
		PageForms.keep(model, "analysisForm", () -> AnalysisForm.of(d.causeType(), d.causeAnalysis(), d.correctiveAction(),
				d.handlingOpinion()));
		PageForms.keep(model, "followupForm", () -> new FollowupForm(null, "", ""));
		PageForms.keep(model, "instructionForm", () -> new InstructionForm("", null));
		PageForms.keep(model, "replyForm", () -> new ReplyForm(Texts.of(LocaleContextHolder.getLocale(), "followup.way.phone"), ""));
		PageForms.keep(model, "returnVisitForm", () -> new ReturnVisitForm("", null));
		PageForms.keep(model, "closeForm", () -> new CloseForm(""));
		PageForms.keep(model, "transferForm", () -> new TransferForm(d.handlerId(), ""));
		PageForms.keep(model, "appointmentForm", () -> new AppointmentForm(null, ""));
		PageForms.keep(model, "partyForm", () -> new PartyForm(null, null, ""));
		PageForms.keep(model, "groupForm", () -> new GroupForm(""));
		PageForms.keep(model, "waitingForm", () -> new ComplaintActionController.WaitingForm(d.waitingSince() == null));
		PageForms.keep(model, "attachmentForm", () -> new ComplaintActionController.AttachmentForm(null));
		return "complaint/detail";
	}


	/** Whether this page follows a reveal (显示完整号码), which was recorded when it was asked for. */
	boolean revealed(Model model) {
		return Boolean.TRUE.equals(model.getAttribute("revealPhone")) && numbers.mayReveal();
	}

	void revealOptions(Model model, ComplaintViews.Detail d, boolean revealed) {
		model.addAttribute("revealed", revealed);
		model.addAttribute("mayReveal", numbers.mayReveal() && !revealed && d.contactPhone() != null
				&& !d.contactPhone().isBlank());
	}

}
