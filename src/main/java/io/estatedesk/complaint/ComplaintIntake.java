package io.estatedesk.complaint;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.estatedesk.estate.ArchiveLookup;
import io.estatedesk.shared.BusinessClock;
import io.estatedesk.shared.HistoryKind;
import io.estatedesk.shared.HistoryStep;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.Strings;
import io.estatedesk.staff.ConfidentialNumbers;
import io.estatedesk.staff.StaffManagement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** 受理 and the 投诉处理单's own fields: taking a complaint in, correcting it, its analysis. */
@Component
class ComplaintIntake {

	private final ComplaintCases cases;

	private final ComplaintAccess access;

	private final ComplaintNotices notices;

	private final ComplaintRules rules;

	private final ComplaintCodes codes;

	private final ArchiveLookup archive;

	private final StaffManagement staff;

	private final JdbcTemplate jdbc;

	ComplaintIntake(ComplaintCases cases, ComplaintAccess access, ComplaintNotices notices, ComplaintRules rules,
			ComplaintCodes codes, ArchiveLookup archive, StaffManagement staff, JdbcTemplate jdbc) {
		this.cases = cases;
		this.access = access;
		this.notices = notices;
		this.rules = rules;
		this.codes = codes;
		this.archive = archive;
		this.staff = staff;
		this.jdbc = jdbc;
	}

	/** 受理: records a new complaint; the receiver (接报人) becomes its owner. Returns its ID. */
	long receive(IntakeForm form) {
		access.require(ComplaintManagement.CREATE);
		long me = access.staffId();
		Complaint c = new Complaint();
		c.receiverId = form.receiverId() != null ? form.receiverId() : me;
		c.handlerId = c.receiverId;
		apply(c, form);
		Instant now = BusinessClock.now();
		c.code = codes.next(c.complaintDate);
		c.state = ComplaintState.RECEIVED;
		rules.schedule(c, now.isBefore(c.complainedAt) ? now : c.complainedAt);
		c.steps.add(new HistoryStep(HistoryKind.CREATED, null, null, ComplaintState.RECEIVED.name(), null));
		cases.saveAndIndex(c, access.actor());
		if (c.severity == Severity.MAJOR || c.groupCase) {
			notices.tellPermitted(ComplaintManagement.ESCALATION, c, c.complainant + "：" + ComplaintNotices.quote(c.content),
					c.severity == Severity.MAJOR ? "complaint.notify.majorReceived" : "complaint.notify.groupReceived", c.code);
		}
		if (!Objects.equals(c.handlerId, me)) {
			notices.tell(List.of(c.handlerId), c, ComplaintNotices.quote(c.content), "complaint.notify.assigned", c.code);
		}
		return c.id;
	}

	/** 受理 from another module; the same checks as the intake form (refused with messages by field). */
	long receive(ComplaintManagement.Intake in) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (in.projectId() == null) {
			errors.put("projectId", "complaint.project.required");
		}
		if (in.complainant() == null || in.complainant().isBlank()) {
			errors.put("complainant", "complaint.complainant.required");
		}
		if (in.categoryId() == null) {
			errors.put("categoryId", "complaint.category.required");
		}
		if (in.content() == null || in.content().isBlank()) {
			errors.put("content", "complaint.content.required");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		LocalDateTime at = in.complainedAt() != null ? in.complainedAt() : BusinessClock.localNowToMinute();
		return receive(new IntakeForm(in.projectId(), at.toLocalDate(), in.complainant().strip(), at, in.unitId(),
				in.ownerId(), in.contactPhone(), null, in.channel() == null ? Channel.PHONE : in.channel(), in.categoryId(),
				in.severity() == null ? Severity.GENERAL : in.severity(), false, in.content().strip(),
				Strings.orEmpty(in.remedy())));
	}

	/** Corrects the intake fields while the complaint is still being handled. */
	void edit(long id, IntakeForm form, long version) {
		Complaint c = cases.load(id, version);
		access.requireHandlerOrManager(c);
		c.check(ComplaintAction.EDIT_INTAKE);
		Map<String, String> before = c.sheetValues();
		boolean becameSerious = (form.severity() == Severity.MAJOR && c.severity != Severity.MAJOR)
				|| (Boolean.TRUE.equals(form.groupCase()) && !c.groupCase);
		apply(c, form);
		cases.changes(c, before);
		cases.saveAndIndex(c, access.actor());
		if (becameSerious) {
			notices.tellPermitted(ComplaintManagement.ESCALATION, c, ComplaintNotices.quote(c.content),
					c.severity == Severity.MAJOR ? "complaint.notify.becameMajor" : "complaint.notify.becameGroup", c.code);
		}
	}

	/** 原因分析, 整改措施, 处理意见 — by the complaint's owner or a manager. */
	void analyse(long id, AnalysisForm form, long version) {
		Complaint c = cases.load(id, version);
		access.requireHandlerOrManager(c);
		c.check(ComplaintAction.ANALYSE);
		Map<String, String> before = c.sheetValues();
		c.analyse(form);
		c.acknowledge(ComplaintAction.ANALYSE);
		cases.changes(c, before);
		cases.saveAndIndex(c, access.actor());
	}

	private void apply(Complaint c, IntakeForm form) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (archive.project(form.projectId()).isEmpty()) {
			errors.put("projectId", "complaint.project.unknown");
		}
		if (form.unitId() != null) {
			var unit = archive.unit(form.unitId());
			if (unit.isEmpty()) {
				errors.put("unitId", "complaint.unit.unknown");
			}
			else if (unit.get().projectId() != form.projectId()) {
				errors.put("unitId", "complaint.unit.otherProject");
			}
		}
		if (form.ownerId() != null && archive.owner(form.ownerId()).isEmpty()) {
			errors.put("ownerId", "complaint.owner.unknown");
		}
		Long receiver = form.receiverId() != null ? form.receiverId() : c.receiverId;
		if (receiver == null || staff.byId(receiver).filter(StaffManagement.StaffSummary::enabled).isEmpty()) {
			errors.put("receiverId", "complaint.receiver.unknown");
		}
		Integer activeCategory = jdbc.queryForObject("select count(*) from complaint_category where id = ? and active",
				Integer.class, form.categoryId());
		if (activeCategory == null || activeCategory == 0) {
			errors.put("categoryId", "complaint.category.unknown");
		}
		Instant complainedAt = form.complainedAt().atZone(BusinessClock.ZONE).toInstant();
		if (complainedAt.isAfter(BusinessClock.now().plusSeconds(600))) {
			errors.put("complainedAt", "complaint.complainedAt.future");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		c.projectId = form.projectId();
		c.complaintDate = form.complaintDate() != null ? form.complaintDate() : BusinessClock.today();
		c.complainant = form.complainant().strip();
		c.complainedAt = complainedAt;
		c.unitId = form.unitId();
		c.ownerId = form.ownerId();
		// a form or API client that was shown the masked number and sent it back unchanged keeps the stored one
		c.contactPhone = ConfidentialNumbers.unchangedMasked(form.contactPhone(), c.contactPhone) ? c.contactPhone
				: Strings.blankToNull(form.contactPhone());
		c.receiverId = receiver;
		c.channel = form.channel();
		c.categoryId = form.categoryId();
		c.severity = form.severity();
		c.groupCase = Boolean.TRUE.equals(form.groupCase());
		c.content = form.content().strip();
		c.remedy = Strings.orEmpty(Strings.stripped(form.remedy()));
	}

}
