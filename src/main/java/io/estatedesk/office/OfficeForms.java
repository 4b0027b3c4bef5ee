package io.estatedesk.office;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import io.estatedesk.shared.Happened;
import io.estatedesk.shared.Planned;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/** 未打卡说明: the day, what was missed, the real time (not for leave) and why. */
record NoteForm(@NotNull(message = "{attendance.note.day}") @Happened @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
		@NotNull(message = "{attendance.note.kind}") Attendance.NoteKind kind,
		@DateTimeFormat(pattern = "HH:mm") LocalTime time,
		@NotBlank(message = "{attendance.note.reason}") @Size(max = Attendance.REASON_MAX, message = "{input.tooLong}") String reason) {

	static NoteForm empty() {
		return new NoteForm(null, null, null, "");
	}
}

/** 新建会议. A meeting may be recorded after it was held or planned ahead. */
record MeetingForm(@NotBlank(message = "{meeting.title.required}") @Size(max = OfficeWork.TITLE_MAX, message = "{input.tooLong}") String title,
		@NotNull(message = "{meeting.heldAt.required}") @Planned @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime heldAt,
		@Size(max = OfficeWork.PLACE_MAX, message = "{input.tooLong}") String place,
		@Size(max = OfficeWork.TEXT_MAX, message = "{input.tooLong}") String attendees,
		@Size(max = OfficeWork.TEXT_MAX, message = "{input.tooLong}") String agenda) {
}

/** 会议纪要 */
record MinutesForm(@Size(max = OfficeWork.MINUTES_MAX, message = "{input.tooLong}") String minutes) {
}

/** 新建计划 */
record PlanForm(@NotBlank(message = "{plan.title.required}") @Size(max = OfficeWork.TITLE_MAX, message = "{input.tooLong}") String title,
		@NotBlank(message = "{plan.period.required}") @Size(max = OfficeWork.PERIOD_MAX, message = "{input.tooLong}") String period,
		@Size(max = OfficeWork.TEXT_MAX, message = "{input.tooLong}") String notes) {
}

/** A meeting's decision or a plan's item, with its owner and the day it is due. */
record TaskForm(@NotBlank(message = "{task.title.required}") @Size(max = OfficeWork.TASK_MAX, message = "{input.tooLong}") String title,
		@NotNull(message = "{task.owner.required}") Long ownerId,
		@Planned @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate) {
}

/** A task's progress in percent, from the task table of {@code back} (我的待办, a meeting or a plan). */
record ProgressForm(@jakarta.validation.constraints.NotNull(message = "{task.progress.invalid}")
		@jakarta.validation.constraints.Min(value = 0, message = "{task.progress.invalid}")
		@jakarta.validation.constraints.Max(value = 100, message = "{task.progress.invalid}") Integer progress, String back) {
}
