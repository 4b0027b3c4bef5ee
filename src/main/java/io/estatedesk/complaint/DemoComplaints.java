package io.estatedesk.complaint;

import io.estatedesk.shared.BusinessClock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;

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
 * Demo mode: complaints of the 金第家园 project in every state, some of them overdue, taken through the same
 * lifecycle a user would, by the demo staff accounts.
 */
@Component
@Order(20)
class DemoComplaints implements ApplicationRunner {

	private static final int HISTORY = 60;

	private static final ComplaintCause[] DEMO_CAUSES = { ComplaintCause.CONSTRUCTION, ComplaintCause.MATERIAL,
			ComplaintCause.CONSTRUCTION, ComplaintCause.PROPERTY_SERVICE, ComplaintCause.DESIGN, ComplaintCause.CONSTRUCTION,
			ComplaintCause.FACILITIES };

	private static final Logger log = LoggerFactory.getLogger(DemoComplaints.class);

	private static final String[][] CASES = {
			{ "房屋质量", "厨房顶棚漏水，怀疑楼上卫生间防水没做好，已经滴水三天了。", "尽快维修并赔偿吊顶损失" },
			{ "房屋质量", "客厅墙面出现多条裂缝，交房不到一年。", "查明原因并修复" },
			{ "物业服务", "地下车库夜间照明经常不亮，存在安全隐患。", "恢复照明" },
			{ "物业服务", "电梯近一周停运三次，老人上下楼困难。", "彻底检修电梯" },
			{ "配套设施", "小区东侧绿化和儿童游乐场迟迟没有完工，与销售时宣传不符。", "按规划完成绿化" },
			{ "环境噪音", "夜间十点后仍有施工噪音，影响休息。", "禁止夜间施工" },
			{ "交房", "交房时发现入户门变形无法关严，约定的整改至今未完成。", "更换入户门" },
			{ "销售合同", "合同约定的地下储藏室面积与实际不符。", "按合同补偿" },
			{ "房屋质量", "卫生间地漏返味，下水不畅。", "维修下水" },
			{ "物业服务", "物业费收费明细不透明，要求公示。", "公示收费标准" },
			{ "房屋质量", "阳台推拉窗漏风漏雨，雨天窗台积水。", "更换密封条" },
			{ "配套设施", "小区门禁系统经常失灵，外来人员随意进出。", "修复门禁" } };

	private final ComplaintManagement management;

	private final JdbcTemplate jdbc;

	private final boolean demo;

	private final DemoSignIn signIn;

	DemoComplaints(ComplaintManagement management, JdbcTemplate jdbc, @Value("${estatedesk.demo:false}") boolean demo,
			DemoSignIn signIn) {
		this.management = management;
		this.jdbc = jdbc;
		this.demo = demo;
		this.signIn = signIn;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo || jdbc.queryForObject("select count(*) from complaint", Long.class) > 0) {
			return;
		}
		List<Long> projects = jdbc.queryForList("select id from project where name = '金第家园'", Long.class);
		if (projects.isEmpty()) {
			return;
		}
		long project = projects.get(0);
		List<Long[]> holders = jdbc.query("""
				select s.owner_id, s.unit_id from ownership s join unit u on u.id = s.unit_id
				where s.active and u.project_id = ? order by s.id limit 60""", (rs, i) -> new Long[] { rs.getLong(1), rs.getLong(2) }, project);
		Long office = staffId("office");
		Long field = staffId("field");
		if (office == null || field == null || holders.isEmpty()) {
			return;
		}
		Random random = new Random(7);
		int n = 0;
		try {
			// 36 of the last weeks in every state, then 60 of the five months before, finished, for the trends
			for (int order = 0; order < 36 + HISTORY; order++) {
				// received in date order (the oldest history first), so numbers and dates rise together as in real use
				int i = order < HISTORY ? 36 + HISTORY - 1 - order : order - HISTORY;
				boolean history = i >= 36;
				String[] k = CASES[i % CASES.length];
				Long[] h = holders.get(i % holders.size());
				String complainant = jdbc.queryForObject("select name from owner where id = ?", String.class, h[0]);
				long category = jdbc.queryForObject("select id from complaint_category where name = ?", Long.class, k[0]);
				Severity severity = i % 9 == 4 ? Severity.MAJOR : Severity.GENERAL;
				// a spread over the last weeks: older ones end further along, a few are left overdue
				LocalDateTime at = BusinessClock.localNow().minusDays(history ? 38 + (i - 36) * 5 / 2 : 36 - i)
					.withHour(9 + random.nextInt(8))
					.withMinute(random.nextInt(60)).withSecond(0).withNano(0);
				long handler = i % 2 == 0 ? office : field;
				as(i % 2 == 0 ? "office" : "field");
				long id = management.receive(new IntakeForm(project, at.toLocalDate(), complainant, at, h[1], h[0], null, handler,
						Channel.values()[i % 4], category, severity, i % 11 == 7, k[1], k[2]));
				int stage = history ? 6 : i % 7;
				if (stage >= 1) {
					management.addFollowup(id, new FollowupForm(at.plusHours(1), "电话", "已与业主电话沟通，安排工程部上门查看。"));
				}
				if (stage >= 2) {
					management.saveAnalysis(id, AnalysisForm.of(DEMO_CAUSES[i % DEMO_CAUSES.length].name(), "经现场查看，" + k[1].substring(0, Math.min(12, k[1].length())) + "…属施工遗留问题。",
							"协调施工单位三个工作日内整改，完成后由客服部验收。", "同意整改方案，整改期间做好业主沟通。"), version(id));
					management.submit(id, version(id));
				}
				if (stage >= 3 && severity == Severity.MAJOR) {
					as("leader");
					management.instruct(id, "高度重视，尽快处理，处理结果报我。", true, version(id));
					as(i % 2 == 0 ? "office" : "field");
				}
				if (stage >= 4 && state(id) == ComplaintState.PENDING_REPLY) {
					management.reply(id, "已安排施工单位整改完毕，经客服部验收合格，感谢您的理解与支持。", "电话", version(id));
				}
				if (stage >= 5 && state(id) == ComplaintState.REPLIED) {
					boolean satisfied = history ? i % 6 != 0 : i % 10 != 5;
					management.returnVisit(id, satisfied, satisfied ? "业主对处理结果满意。" : "业主认为仍有渗水，不满意。", version(id));
					if (history && !satisfied) {
						// reopened: a second repair, a second reply, and this time the owner is satisfied
						management.submit(id, version(id));
						if (state(id) == ComplaintState.PENDING_REPLY) {
							management.reply(id, "已二次整改并复查无渗水，感谢您的耐心。", "上门", version(id));
						}
						if (state(id) == ComplaintState.REPLIED) {
							management.returnVisit(id, true, "二次整改后业主满意。", version(id));
						}
					}
				}
				if (stage >= 6 && state(id) == ComplaintState.RETURN_VISITED) {
					management.close(id, "同类问题应在交房前重点检查，整改时同步告知业主进度。", version(id));
				}
				n++;
			}
		}
		finally {
			signIn.signOut();
		}
		// the steps above all happened just now; spread them over the days after each complaint came in
		jdbc.update("""
				update complaint set acknowledged_at = complained_at + interval '50 minutes' where acknowledged_at is not null""");
		jdbc.update("update complaint set instructed_at = complained_at + interval '5 hours' where instructed_at is not null");
		jdbc.update("update complaint set replied_at = complained_at + interval '7 hours' where replied_at is not null");
		jdbc.update("update complaint set closed_at = complained_at + interval '2 days' where closed_at is not null");
		jdbc.update("""
				update complaint_history h set occurred_at = c.complained_at + (h.id - f.first_id) * interval '75 minutes'
				from complaint c, (select complaint_id, min(id) first_id from complaint_history group by complaint_id) f
				where c.id = h.complaint_id and f.complaint_id = h.complaint_id""");
		jdbc.update("""
				update complaint_followup f set occurred_at = c.complained_at + interval '40 minutes'
				from complaint c where c.id = f.complaint_id""");
		log.info("Demo complaints loaded: {}", n);
	}

	private long version(long id) {
		return jdbc.queryForObject("select version from complaint where id = ?", Long.class, id);
	}

	private ComplaintState state(long id) {
		return ComplaintState.valueOf(jdbc.queryForObject("select state from complaint where id = ?", String.class, id));
	}

	private Long staffId(String username) {
		return jdbc.queryForList("select id from staff_account where username = ?", Long.class, username).stream().findFirst()
			.orElse(null);
	}

	private void as(String username) {
		signIn.as(username);
	}

}
