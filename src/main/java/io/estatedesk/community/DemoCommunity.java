package io.estatedesk.community;

import io.estatedesk.shared.BusinessClock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
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

/**
 * Demo mode: a brand promotion plan with a finished 中秋游园会 (attendance, scores, cost), an open 亲子植树 that is full
 * with a waiting list, a planned match, and two care rules (birthdays, handover anniversaries).
 */
@Component
@Order(80)
class DemoCommunity implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCommunity.class);

	private final Activities activities;

	private final CarePlans care;

	private final JdbcTemplate jdbc;

	private final DemoSignIn signIn;

	private final boolean demo;

	DemoCommunity(Activities activities, CarePlans care, JdbcTemplate jdbc, DemoSignIn signIn,
			@Value("${estatedesk.demo:false}") boolean demo) {
		this.activities = activities;
		this.care = care;
		this.jdbc = jdbc;
		this.signIn = signIn;
		this.demo = demo;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo || jdbc.queryForObject("select count(*) from activity", Long.class) > 0) {
			return;
		}
		List<Long> owners = jdbc.queryForList("""
				select distinct on (s.owner_id) s.owner_id from ownership s join project p on p.id = s.project_id
				where s.active and p.name = '金第家园' order by s.owner_id limit 30""", Long.class);
		List<Long> projects = jdbc.queryForList("select id from project where name = '金第家园'", Long.class);
		if (owners.size() < 20 || projects.isEmpty()) {
			return;
		}
		long project = projects.get(0);
		Long responsible = jdbc.queryForList("select id from staff_account where username = 'field'", Long.class).stream()
			.findFirst().orElse(null);
		LocalDate today = BusinessClock.today();
		try {
			signIn.as("field");
			long plan = activities.createPlan(new Activities.PlanForm(today.getYear() + "年度品牌推广计划",
					today.withDayOfYear(1), today.withDayOfYear(1).plusYears(1).minusDays(1),
					"提升金第品牌在业主中的口碑：每季度至少一次社区文化活动，参与业主满意度不低于4分。", "60000",
					"配合新项目销售做好宣传，活动照片用于项目纪录片。"));

			long fair = activities.create(new Activities.ActivityForm("业主中秋游园会", project, plan,
					today.minusDays(30).atTime(18, 30), "金第家园中心花园", "8000", "40", responsible,
					"猜灯谜、做月饼、亲子游戏，每户限报3人。"));
			activities.changeState(fair, Activities.State.OPEN, activities.get(fair).version());
			List<Activities.Mark> marks = new ArrayList<>();
			for (int i = 0; i < 12; i++) {
				Activities.SignUp s = activities.signUp(fair, new Activities.SignUpForm(owners.get(i), null, 1 + i % 3, ""));
				boolean came = i % 6 != 5;
				marks.add(new Activities.Mark(s.id(), came, came ? 3 + i % 3 : null,
						came && i % 4 == 0 ? "活动组织有序，孩子很开心。" : ""));
			}
			activities.mark(fair, marks);
			activities.changeState(fair, Activities.State.FINISHED, activities.get(fair).version());
			activities.recordCost(fair, "7650.50", activities.get(fair).version());

			long planting = activities.create(new Activities.ActivityForm("亲子植树活动", project, plan,
					today.plusDays(10).atTime(9, 0), "金第家园东侧绿地", "3000", "6", responsible,
					"植树护绿，树苗和工具由客服部准备。名额有限，满员后进入候补。"));
			activities.changeState(planting, Activities.State.OPEN, activities.get(planting).version());
			for (int i = 12; i < 21; i++) {
				activities.signUp(planting, new Activities.SignUpForm(owners.get(i), null, 1, i >= 18 ? "电话报名，候补" : ""));
			}

			activities.create(new Activities.ActivityForm("业主篮球友谊赛", project, null,
					LocalDateTime.of(today.plusDays(30), java.time.LocalTime.of(15, 0)), "金第家园篮球场", "2000", "24",
					responsible, "业主组队参加，每队4至6人。"));

			care.createRule(new CarePlans.RuleForm("业主生日祝福", CarePlans.Kind.BIRTHDAY, null, "7",
					"尊敬的{姓名}业主：值此生日之际，金第房地产客户服务部祝您生日快乐、阖家幸福！", null, true));
			care.createRule(new CarePlans.RuleForm("交房周年问候", CarePlans.Kind.HANDOVER, null, "7",
					"尊敬的{姓名}业主：您的新家{房号}于{日期}迎来交房周年，感谢您一路相伴；房屋使用中如有问题，欢迎致电客户服务部。",
					project, true));
		}
		finally {
			signIn.signOut();
		}
		log.info("Demo community loaded: a brand plan, 3 activities, 2 care rules");
	}

}
