package io.estatedesk.lifecycle;

import io.estatedesk.shared.BusinessClock;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * Demo mode: one project in each phase — 金第·云境 in its early phase (opinions on the design, site meetings), 金第·熙园
 * before handover (service standard, fee filing, contracts, tender done; takeover and handover under way), 金第家园
 * after handover (assembly milestones, laws, property company inspections with a rectification notice).
 */
@Component
@Order(50)
class DemoLifecycle implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoLifecycle.class);

	private final DutyBoard board;

	private final Supervision supervision;

	private final JdbcTemplate jdbc;

	private final DemoSignIn signIn;

	private final boolean demo;

	DemoLifecycle(DutyBoard board, Supervision supervision, JdbcTemplate jdbc, DemoSignIn signIn,
			@Value("${estatedesk.demo:false}") boolean demo) {
		this.board = board;
		this.supervision = supervision;
		this.jdbc = jdbc;
		this.signIn = signIn;
		this.demo = demo;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo || jdbc.queryForObject("select count(*) from duty_record", Long.class) > 0) {
			return;
		}
		Long early = project("金第·云境");
		Long before = project("金第·熙园");
		Long after = project("金第家园");
		if (early == null || before == null || after == null) {
			return;
		}
		LocalDate today = BusinessClock.today();
		long field = jdbc.queryForObject("select id from staff_account where username = 'field'", Long.class);
		try {
			signIn.as("manager");
			record(early, "EARLY_INVOLVEMENT", new DutyBoard.RecordForm(today.minusDays(40), "总平面图 地下车库出入口",
					"地下车库出入口离3号楼单元门太近，早晚高峰人车交叉，建议北移15米并设人行通道。", "设计院已采纳，出入口北移12米。", "", "", null, null, null));
			record(early, "EARLY_INVOLVEMENT", new DutyBoard.RecordForm(today.minusDays(20), "户型图 厨房",
					"厨房排烟道位置影响橱柜布置，建议调整。", "", "", "", null, null, null));
			record(early, "SITE_MEETINGS", new DutyBoard.RecordForm(today.minusDays(7), "第12次工程例会",
					"主体结构封顶；机电设备招标进行中；客服部提出电梯选型需考虑担架尺寸。", "", "", "", null, null, null));
			status(early, "EARLY_INVOLVEMENT", DutyBoard.Status.IN_PROGRESS, field, today.plusDays(60));

			record(before, "SERVICE_STANDARD", new DutyBoard.RecordForm(today.minusDays(300), "二级",
					"秩序维护24小时值守，保洁每日两次，绿化按二级标准养护，报修30分钟响应。", "", "", "", null, null, null));
			record(before, "FEE_FILING", new DutyBoard.RecordForm(today.minusDays(280), "朝阳区住房和城乡建设委员会小区办", "", "",
					"北京中诚物业评估监理有限公司", "朝建小备〔2025〕118号", new BigDecimal("3.20"), null, null));
			record(before, "CONTRACTS", new DutyBoard.RecordForm(today.minusDays(260), "《前期物业服务合同》", "已列入销售合同附件", "",
					"", "第2版", null, null, null));
			record(before, "CONTRACTS", new DutyBoard.RecordForm(today.minusDays(260), "《业主规约》", "已列入销售合同附件", "", "",
					"第1版", null, null, null));
			record(before, "TENDER", new DutyBoard.RecordForm(today.minusDays(200), "", "三年，二级服务标准，3.20元/㎡·月", "",
					"金第物业服务有限公司", "", null, new BigDecimal("91.5"), true));
			record(before, "TENDER", new DutyBoard.RecordForm(today.minusDays(200), "", "", "", "京华物业管理有限公司", "", null,
					new BigDecimal("86.0"), false));
			for (String done : List.of("SERVICE_STANDARD", "FEE_FILING", "CONTRACTS", "TENDER", "EARLY_INVOLVEMENT", "SITE_MEETINGS")) {
				status(before, done, DutyBoard.Status.DONE, field, null);
			}
			status(before, "TAKEOVER", DutyBoard.Status.DONE, field, today.minusDays(20));
			status(before, "HANDOVER", DutyBoard.Status.IN_PROGRESS, field, today.plusDays(30));

			for (String done : List.of("EARLY_INVOLVEMENT", "SITE_MEETINGS", "SERVICE_STANDARD", "FEE_FILING", "CONTRACTS",
					"SALES_FEEDBACK", "TENDER", "TAKEOVER", "HANDOVER")) {
				status(after, done, DutyBoard.Status.DONE, null, null);
			}
			record(after, "OWNERS_ASSEMBLY", new DutyBoard.RecordForm(today.minusDays(60), "与街道办事处、派出所、小区办沟通",
					"已与金第路街道办事处沟通首次业主大会筹备事宜。", "", "", "", null, null, null));
			record(after, "OWNERS_ASSEMBLY", new DutyBoard.RecordForm(today.minusDays(30), "提交成立业主大会的书面报告",
					"已向街道办事处提交书面报告。", "", "", "金街报〔2026〕31号", null, null, null));
			status(after, "OWNERS_ASSEMBLY", DutyBoard.Status.IN_PROGRESS, field, today.plusDays(45));
			record(after, "LAWS", new DutyBoard.RecordForm(LocalDate.of(2021, 1, 1), "《中华人民共和国民法典》物权编（业主的建筑物区分所有权）",
					"业主大会决议的表决规则调整为“双三分之二”参与、“双过半”同意；需在筹备组织首次业主大会时按新规则组织表决。", "", "",
					"主席令第45号", null, null, null));
			record(after, "LAWS", new DutyBoard.RecordForm(LocalDate.of(2020, 5, 1), "《北京市物业管理条例》",
					"物业服务人退出、物业费公示、业主共有部分经营收益公示等要求，需在监督物业公司时逐项检查。", "", "", "", null, null, null));
			status(after, "REPAIRS", DutyBoard.Status.IN_PROGRESS, field, null);
			status(after, "SUPERVISION", DutyBoard.Status.IN_PROGRESS, field, null);

			signIn.as("field");
			List<Supervision.ChecklistItem> checklist = supervision.checklist();
			long last = 0;
			for (int k = 0; k < 4; k++) {
				Map<Long, BigDecimal> scores = new HashMap<>();
				Map<Long, String> notes = new HashMap<>();
				for (Supervision.ChecklistItem c : checklist) {
					int off = (c.id() + k) % 5 == 0 ? 2 + (3 - k) : (c.id() % 3 == 0 ? 1 : 0);
					scores.put(c.id(), BigDecimal.valueOf(Math.max(0, c.maxScore() - off)));
					if (off >= 3) {
						notes.put(c.id(), "未达到服务标准");
					}
				}
				last = supervision.inspect(after, today.minusDays(90 - k * 30L), "金第物业服务有限公司", scores, notes,
						k == 3 ? "整体有改善，车库清洁仍需加强。" : "");
			}
			supervision.addNotice(last, checklist.get(2).id(), "地下车库每日清扫一次，每周冲洗一次", today.plusDays(7));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		finally {
			signIn.signOut();
		}
		log.info("Demo project duties and supervision loaded for 金第·云境, 金第·熙园 and 金第家园");
	}

	private Long project(String name) {
		return jdbc.queryForList("select id from project where name = ?", Long.class, name).stream().findFirst().orElse(null);
	}

	private long item(long project, String code) {
		board.ensure(project);
		return jdbc.queryForObject("select id from duty_item where project_id = ? and code = ?", Long.class, project, code);
	}

	private void record(long project, String code, DutyBoard.RecordForm form) throws IOException {
		board.addRecord(item(project, code), form, null);
	}

	private void status(long project, String code, DutyBoard.Status status, Long owner, LocalDate due) {
		long id = item(project, code);
		long version = jdbc.queryForObject("select version from duty_item where id = ?", Long.class, id);
		board.save(id, owner, due, status, "", version);
	}

}
