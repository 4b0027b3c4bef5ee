package io.estatedesk.office;

import io.estatedesk.shared.BusinessClock;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;

import io.estatedesk.shared.WorkCalendar;
import io.estatedesk.shared.WorkingTime;
import io.estatedesk.staff.DemoSignIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Demo mode: the time clock's punches of the department since the start of last month (a few late mornings, an early
 * leave, forgotten punches with one 未打卡说明 approved and one waiting), a department meeting with its action items
 * (one past due) and the quarter's work plan.
 */
@Component
@Order(90)
class DemoOffice implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoOffice.class);

	private static final List<String> STAFF = List.of("manager", "field", "office");

	private final Attendance attendance;

	private final OfficeWork work;

	private final WorkCalendar calendar;

	private final JdbcTemplate jdbc;

	private final DemoSignIn signIn;

	private final boolean demo;

	DemoOffice(Attendance attendance, OfficeWork work, WorkCalendar calendar, JdbcTemplate jdbc, DemoSignIn signIn,
			@Value("${estatedesk.demo:false}") boolean demo) {
		this.attendance = attendance;
		this.work = work;
		this.calendar = calendar;
		this.jdbc = jdbc;
		this.signIn = signIn;
		this.demo = demo;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo || jdbc.queryForObject("select count(*) from attendance_punch", Long.class) > 0) {
			return;
		}
		LocalDate today = BusinessClock.today();
		LocalDate first = YearMonth.from(today).minusMonths(1).atDay(1);
		WorkingTime wt = calendar.workingTime();
		Random random = new Random(2026);
		LocalDate forgotten = null;
		LocalDate forgottenAgain = null;
		int punches = 0;
		for (String username : STAFF) {
			Long staffId = jdbc.query("select id from staff_account where username = ?", (rs, i) -> rs.getLong(1), username)
				.stream().findFirst().orElse(null);
			if (staffId == null) {
				return;
			}
			int day = 0;
			for (LocalDate d = first; d.isBefore(today); d = d.plusDays(1)) {
				if (!wt.isWorkingDay(d)) {
					continue;
				}
				day++;
				boolean forgetsMorning = username.equals("field") && (day == 7 || day == 19);
				if (forgetsMorning) {
					if (forgottenAgain == null && forgotten != null) {
						forgottenAgain = d;
					}
					if (forgotten == null) {
						forgotten = d;
					}
				}
				LocalTime in = LocalTime.of(8, 35).plusMinutes(random.nextInt(day % 11 == 5 ? 45 : 24));
				LocalTime out = LocalTime.of(18, 0).plusMinutes(random.nextInt(40))
					.minusMinutes(username.equals("office") && day == 12 ? 50 : 0);
				if (!forgetsMorning) {
					punches += punch(staffId, d.atTime(in));
				}
				punches += punch(staffId, d.atTime(out));
			}
		}
		try {
			if (forgotten != null) {
				signIn.as("field");
				attendance.fileNote(forgotten, Attendance.NoteKind.MISSED_IN, LocalTime.of(8, 50), "早上直接到金第家园现场陪同业主验房，未回公司打卡");
				if (forgottenAgain != null) {
					attendance.fileNote(forgottenAgain, Attendance.NoteKind.MISSED_IN, LocalTime.of(8, 55), "考勤机故障，打卡未成功");
				}
				signIn.as("manager");
				LocalDate approved = forgotten;
				attendance.notes(null, "PENDING", null).stream().filter(n -> n.day().equals(approved)).findFirst()
					.ifPresent(n -> attendance.decide(n.id(), true, "情况属实", n.version()));
			}
			signIn.as("manager");
			LocalDateTime held = today.minusDays(6).atTime(9, 0);
			long meeting = work.createMeeting("部门周例会", held, "客服部会议室", "王经理、李外勤、陈内勤",
					"1. 上周投诉处理与回访情况\n2. 金第·熙园交房准备\n3. 年末业主答谢活动", "");
			work.saveMinutes(meeting, "1. 上周投诉全部按时回复，回访有两户未联系上，下周继续。\n2. 熙园第二批交房验房表已定稿。\n3. 答谢活动由外勤牵头出方案。");
			long field = staffId("field");
			long office = staffId("office");
			work.addTask(meeting, null, "两户未联系上的业主再次回访", field, today.minusDays(2));
			work.addTask(meeting, null, "年末业主答谢活动方案", field, today.plusDays(8));
			work.addTask(meeting, null, "更新熙园交房资料清单", office, today.plusDays(3));
			long plan = work.createPlan("第四季度客服工作计划", today.getYear() + "年第四季度", "围绕交房、回访和满意度提升。");
			long a = work.addTask(null, plan, "熙园第二批交房", office, today.plusDays(20));
			long b = work.addTask(null, plan, "年度满意度调查", field, today.plusDays(30));
			work.addTask(null, plan, "物业服务季度检查", staffId("manager"), today.plusDays(25));
			work.progress(a, 40);
			signIn.as("field");
			work.progress(b, 20);
		}
		finally {
			signIn.signOut();
		}
		log.info("Demo office loaded: {} punches, notes, a meeting and a work plan", punches);
	}

	private long staffId(String username) {
		return jdbc.queryForObject("select id from staff_account where username = ?", Long.class, username);
	}

	private int punch(long staffId, LocalDateTime at) {
		return jdbc.update("insert into attendance_punch (staff_id, punched_at, source) values (?, ?, '演示考勤机')", staffId,
				Timestamp.from(at.atZone(BusinessClock.ZONE).toInstant()));
	}

}
