package io.estatedesk.office;

import io.estatedesk.shared.BusinessClock;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import io.estatedesk.shared.ApiController;
import io.estatedesk.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;

/** 考勤, 未打卡说明, 部门会议 and 待办 through the API (e.g. for the time clock's own upload). */
@ApiController("/api/v1")
@Tag(name = "部门管理", description = "考勤、未打卡说明、部门会议与待办")
@PreAuthorize("hasAuthority('ATTENDANCE_VIEW')")
class OfficeApi {

	record NoteRequest(LocalDate day, Attendance.NoteKind kind, LocalTime time, String reason) {
	}

	record Decision(boolean approve, String note, long version) {
	}

	record MeetingRequest(String title, LocalDateTime heldAt, String place, String attendees, String agenda, String minutes) {
	}

	record TaskRequest(String title, Long ownerId, LocalDate dueDate) {
	}

	record MeetingDetail(OfficeWork.Meeting meeting, List<OfficeWork.Task> tasks) {
	}

	record Created(long id) {
	}

	private final Attendance attendance;

	private final OfficeWork work;

	OfficeApi(Attendance attendance, OfficeWork work) {
		this.attendance = attendance;
		this.work = work;
	}

	@GetMapping("/attendance")
	@PreAuthorize("hasAuthority('ATTENDANCE_MANAGE')")
	@Operation(summary = "月度考勤统计（月份 yyyy-MM，默认本月）：应出勤、出勤、迟到、早退、未打卡、请假")
	List<Attendance.Stats> statistics(@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
		return attendance.statistics(month(month));
	}

	@GetMapping("/attendance/days")
	@Operation(summary = "本人（或经理指定员工 staffId）一个月的每日考勤")
	List<Attendance.Day> days(@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
			@RequestParam(required = false) Long staffId) {
		long me = attendance.me().orElse(-1L);
		long who = staffId != null && attendance.mayManage() ? staffId : me;
		return attendance.month(who, month(month));
	}

	@PostMapping("/attendance/punches")
	@PreAuthorize("hasAuthority('ATTENDANCE_MANAGE')")
	@Operation(summary = "导入考勤机导出的打卡记录（multipart file：xlsx 或 csv，列“用户名”或“姓名”和“打卡时间”）")
	Attendance.ImportResult punches(@RequestParam(required = false) MultipartFile file) throws IOException {
		if (file == null || file.isEmpty()) {
			throw new InvalidInputException(Map.of("file", "attendance.import.empty"));
		}
		return attendance.importPunches(file.getOriginalFilename(), file.getBytes());
	}

	@GetMapping("/attendance/notes")
	@Operation(summary = "未打卡说明：经理看全部，员工看本人的")
	List<Attendance.Note> notes(@RequestParam(required = false) String state) {
		return attendance.notes(attendance.mayManage() ? null : attendance.me().orElse(-1L), state, null);
	}

	@PostMapping("/attendance/notes")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "提交未打卡说明或请假（kind: MISSED_IN, MISSED_OUT, LEAVE）")
	Created fileNote(@RequestBody NoteRequest r) {
		return new Created(attendance.fileNote(r.day(), r.kind(), r.time(), r.reason()));
	}

	@PostMapping("/attendance/notes/{id}/decision")
	@PreAuthorize("hasAuthority('ATTENDANCE_MANAGE')")
	@Operation(summary = "部门经理批准或不批准未打卡说明（version 取自列表）")
	void decide(@PathVariable long id, @RequestBody Decision d) {
		attendance.decide(id, d.approve(), d.note(), d.version());
	}

	@GetMapping("/meetings")
	List<OfficeWork.Meeting> meetings() {
		return work.meetings();
	}

	@GetMapping("/meetings/{id}")
	MeetingDetail meeting(@PathVariable long id) {
		return new MeetingDetail(work.meeting(id), work.tasks(id, null, null, false));
	}

	@PostMapping("/meetings")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('OFFICE_EDIT')")
	Created createMeeting(@RequestBody MeetingRequest r) {
		return new Created(work.createMeeting(r.title(), r.heldAt(), r.place(), r.attendees(), r.agenda(), r.minutes()));
	}

	@PostMapping("/meetings/{id}/tasks")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('OFFICE_EDIT')")
	@Operation(summary = "会议决定事项：责任人 ownerId 在“我的待办”中看到")
	Created addTask(@PathVariable long id, @RequestBody TaskRequest r) {
		work.meeting(id);
		return new Created(work.addTask(id, null, r.title(), r.ownerId(), r.dueDate()));
	}

	@GetMapping("/tasks")
	@Operation(summary = "我的待办：会议决定事项和工作计划中分配给我的工作")
	List<OfficeWork.Task> tasks() {
		return work.tasks(null, null, attendance.me().orElse(-1L), false);
	}

	private static YearMonth month(YearMonth month) {
		return month != null ? month : BusinessClock.thisMonth();
	}

}
