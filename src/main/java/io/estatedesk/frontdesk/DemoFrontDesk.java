package io.estatedesk.frontdesk;

import io.estatedesk.shared.BusinessClock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import io.estatedesk.staff.DemoSignIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Demo mode: the 内勤's calls of the last days (some became complaints or work orders) and the visitor register. */
@Component
@Order(60)
class DemoFrontDesk implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoFrontDesk.class);

	private static final Object[][] CALLS = {
			{ FrontDesk.CallType.CONSULT, "物业费", "询问物业费缴纳方式和发票开具。", "可在物业服务中心或线上缴纳，发票由物业公司开具。" },
			{ FrontDesk.CallType.CONSULT, "产权证", "询问产权证办理进度。", "已报送不动产登记中心，预计下月通知领取。" },
			{ FrontDesk.CallType.SUGGESTION, "社区活动", "建议周末组织亲子活动。", "已记录，转客服部活动计划。" },
			{ FrontDesk.CallType.OPINION, "停车", "地下车库车位划线不清，停车不便。", "已转物业公司重新划线。" },
			{ FrontDesk.CallType.PRAISE, "维修", "表扬工程部维修师傅上门及时、态度好。", "感谢您的肯定，已转达。" },
			{ FrontDesk.CallType.COMPLAINT, "物业服务", "单元门禁经常失灵，外来人员随意进出。", "已受理为投诉，24小时内回复。" },
			{ FrontDesk.CallType.REPAIR, "维修", "厨房水龙头漏水。", "已派维修工单，工程部今天联系您。" },
			{ FrontDesk.CallType.CONSULT, "装修", "询问装修需要办理哪些手续。", "请携带装修方案到物业服务中心办理装修登记。" } };

	private final FrontDesk desk;

	private final JdbcTemplate jdbc;

	private final DemoSignIn signIn;

	private final boolean demo;

	DemoFrontDesk(FrontDesk desk, JdbcTemplate jdbc, DemoSignIn signIn, @Value("${estatedesk.demo:false}") boolean demo) {
		this.desk = desk;
		this.jdbc = jdbc;
		this.signIn = signIn;
		this.demo = demo;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo || jdbc.queryForObject("select count(*) from call_log", Long.class) > 0) {
			return;
		}
		List<Object[]> owners = jdbc.query("""
				select o.id, o.name, o.mobile, s.unit_id from ownership s join owner o on o.id = s.owner_id
				join project p on p.id = s.project_id where s.active and p.name = '金第家园' order by s.id limit 40""",
				(rs, i) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4) });
		if (owners.isEmpty()) {
			return;
		}
		Long category = jdbc.queryForObject("select id from complaint_category where name = '物业服务'", Long.class);
		Long trade = desk.tradeId("PLUMBING_ELECTRIC");
		LocalDateTime now = BusinessClock.localNowToMinute();
		try {
			signIn.as("office");
			for (int i = 0; i < 16; i++) {
				Object[] c = CALLS[i % CALLS.length];
				Object[] o = owners.get((i * 3) % owners.size());
				boolean stranger = i % 5 == 4 && c[0] != FrontDesk.CallType.COMPLAINT && c[0] != FrontDesk.CallType.REPAIR;
				desk.recordCall(new FrontDesk.CallForm(now.minusHours(6L * (16 - i)), (FrontDesk.CallType) c[0], (String) c[1],
						stranger ? "王先生" : (String) o[1], stranger ? "13600001111" : (String) o[2], stranger ? null : (Long) o[0],
						stranger ? null : (Long) o[3], null, (String) c[2], (String) c[3], i % 4 == 3, category, trade, "厨房", false));
			}
			LocalDate today = BusinessClock.today();
			Object[] owner = owners.get(5);
			desk.recordVisit(new FrontDesk.VisitForm(FrontDesk.Identity.OWNER, (String) owner[1], "女", "", (String) owner[2],
					"咨询交房后维修进度", 1, earlierToday(now, 9, 20, 50), earlierToday(now, 9, 45, 25), "陈内勤", (Long) owner[0],
					(Long) owner[3], null));
			desk.recordVisit(new FrontDesk.VisitForm(FrontDesk.Identity.CONTRACTOR, "郑师傅", "男", "北京宏达装饰工程有限公司",
					"13712345678", "办理装修登记", 2, earlierToday(now, 10, 5, 10), null, "陈内勤", null, null, null));
			desk.recordVisit(new FrontDesk.VisitForm(FrontDesk.Identity.OFFICIAL, "刘科长", "男", "金第路街道办事处", "01064001234",
					"商议首次业主大会筹备", 2, today.minusDays(1).atTime(14, 0), today.minusDays(1).atTime(15, 30), "王经理", null,
					null, null));
		}
		finally {
			signIn.signOut();
		}
		log.info("Demo front desk loaded: 16 calls and 3 visits");
	}

	/**
	 * Today at hh:mm, or — when the demo is loaded before that — {@code minutesAgo} before now (not before midnight):
	 * a visit is never recorded in the future, and it is still one of today's.
	 */
	static LocalDateTime earlierToday(LocalDateTime now, int hour, int minute, int minutesAgo) {
		LocalDateTime at = now.toLocalDate().atTime(hour, minute);
		if (!at.isAfter(now)) {
			return at;
		}
		LocalDateTime before = now.minusMinutes(minutesAgo);
		return before.toLocalDate().equals(now.toLocalDate()) ? before : now.toLocalDate().atStartOfDay();
	}

}
