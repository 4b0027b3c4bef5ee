package io.estatedesk.complaint;

import java.time.LocalDate;
import java.time.LocalDateTime;

import io.estatedesk.shared.Happened;
import io.estatedesk.shared.Phone;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/** The 投诉处理单's intake part, as 接报人 fills it in (also the API's create and update body). */
record IntakeForm(@NotNull(message = "{complaint.project.required}") Long projectId,
		@Happened @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate complaintDate,
		@NotBlank(message = "{complaint.complainant.required}") @Size(max = 60, message = "{input.tooLong}") String complainant,
		@NotNull(message = "{complaint.complainedAt.required}") @Happened @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime complainedAt,
		Long unitId, Long ownerId, @Size(max = 30, message = "{input.tooLong}") @Phone String contactPhone, Long receiverId,
		@NotNull(message = "{complaint.channel.required}") Channel channel,
		@NotNull(message = "{complaint.category.required}") Long categoryId,
		@NotNull(message = "{complaint.severity.required}") Severity severity, Boolean groupCase,
		@NotBlank(message = "{complaint.content.required}") @Size(max = 10000, message = "{input.tooLong}") String content,
		@Size(max = 2000, message = "{input.tooLong}") String remedy) {
}

/** 原因分析, 整改措施, 处理意见. */
record AnalysisForm(String causeType, @Size(max = 10000, message = "{input.tooLong}") String causeAnalysis,
		@Size(max = 10000, message = "{input.tooLong}") String correctiveAction,
		@Size(max = 10000, message = "{input.tooLong}") String handlingOpinion) {

	/** The four texts callers outside the form give (demo data, tests); a field added to the form is empty here. */
	static AnalysisForm of(String causeType, String causeAnalysis, String correctiveAction, String handlingOpinion) {
		return new AnalysisForm(causeType, causeAnalysis, correctiveAction, handlingOpinion);
	}
}

/** 跟进记录 */
record FollowupForm(@Happened @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime occurredAt,
		@NotBlank(message = "{followup.way.required}") @Size(max = 20, message = "{input.tooLong}") String way,
		@NotBlank(message = "{followup.content.required}") @Size(max = 5000, message = "{input.tooLong}") String content) {
}

/** 领导批示: the instruction and which button was pressed (同意 or 退回). */
record InstructionForm(@Size(max = 5000, message = "{input.tooLong}") String leaderInstruction, Boolean approve) {
}

/** 回复业主 */
record ReplyForm(@Size(max = 20, message = "{input.tooLong}") String replyWay,
		@Size(max = 5000, message = "{input.tooLong}") String replyContent) {
}

/** 回访 on the complaint's page: what the owner said and which button was pressed (满意 or 不满意). */
record ReturnVisitForm(@Size(max = 5000, message = "{input.tooLong}") String returnResult, Boolean satisfied) {
}

/** 关闭: 经验总结. */
record CloseForm(@Size(max = 5000, message = "{input.tooLong}") String lesson) {
}

/** 转交: to whom and why. */
record TransferForm(Long handlerId, @Size(max = 500, message = "{input.tooLong}") String reason) {
}

/** 约时处理 */
record AppointmentForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime appointmentAt,
		@Size(max = 300, message = "{input.tooLong}") String note) {
}

/** 群诉: another owner who complains of the same (picked from the archive). */
record PartyForm(Long ownerId, Long unitId, @Size(max = 60, message = "{input.tooLong}") String q) {
}

/** 并入群诉: the number of the other complaint. */
record GroupForm(@Size(max = 30, message = "{input.tooLong}") String otherCode) {
}
