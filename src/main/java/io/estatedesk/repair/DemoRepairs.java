package io.estatedesk.repair;

import io.estatedesk.shared.BusinessClock;
import java.math.BigDecimal;
import java.time.LocalDate;
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
 * Demo mode: the engineering department's team and the contractors of 金第家园, work orders in every state (from
 * complaints, calls and directly; in and out of warranty; overdue, on hold, reworked), and the project's public
 * facilities — taken through the same steps a user would, by the demo accounts.
 */
@Component
@Order(30)
class DemoRepairs implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoRepairs.class);

	private final WorkOrderManagement management;

	private final Contractors contractors;

	private final Facilities facilities;

	private final JdbcTemplate jdbc;

	private final DemoSignIn signIn;

	private final boolean demo;

	DemoRepairs(WorkOrderManagement management, Contractors contractors, Facilities facilities, JdbcTemplate jdbc,
			DemoSignIn signIn, @Value("${estatedesk.demo:false}") boolean demo) {
		this.management = management;
		this.contractors = contractors;
		this.facilities = facilities;
		this.jdbc = jdbc;
		this.signIn = signIn;
		this.demo = demo;
	}

	private long trade(String code) {
		return jdbc.queryForObject("select id from repair_trade where code = ?", Long.class, code);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo || jdbc.queryForObject("select count(*) from contractor", Long.class) > 0) {
			return;
		}
		List<Long> projects = jdbc.queryForList("select id from project where name = '金第家园'", Long.class);
		if (projects.isEmpty()) {
			return;
		}
		long project = projects.get(0);
		int orders = 0;
		try {
			signIn.as("manager");
			long team = contractors.create(new Contractors.Form("工程部维修班", Contractors.Kind.ENGINEERING, "孙工", "13910001001",
					"", null, null, "工程部自有维修班组，负责水电、小型土建和门窗五金。",
					List.of(trade("PLUMBING_ELECTRIC"), trade("CIVIL"), trade("DOOR_WINDOW"), trade("OTHER")), true));
			long waterproof = contractors.create(new Contractors.Form("北京金城防水工程有限公司", Contractors.Kind.CONTRACTOR, "周工",
					"13910002002", "", new BigDecimal("180000.00"), LocalDate.of(2029, 6, 30), "屋面及卫生间防水分包，质保金至五年保修期满返还。",
					List.of(trade("WATERPROOF")), true));
			long general = contractors.create(new Contractors.Form("中建八局第三建设有限公司", Contractors.Kind.CONTRACTOR, "刘经理",
					"13910003003", "", new BigDecimal("1200000.00"), LocalDate.of(2026, 8, 31), "总包：主体结构、外墙、门窗和精装修。",
					List.of(trade("CIVIL"), trade("DOOR_WINDOW"), trade("FITOUT")), true));
			long elevator = contractors.create(new Contractors.Form("通达电梯工程有限公司", Contractors.Kind.CONTRACTOR, "吴工",
					"13910004004", "", null, null, "电梯安装与维保。", List.of(trade("ELEVATOR")), true));
			contractors.create(new Contractors.Form("恒温暖通设备安装公司", Contractors.Kind.CONTRACTOR, "郑工", "13910005005", "",
					null, null, "", List.of(trade("HVAC")), true));
			for (long c : List.of(team, waterproof, general, elevator)) {
				contractors.addScope(c, project, null);
			}
			contractors.addMember(waterproof, "contractor");
			contractors.addMember(team, "engineer");

			// homes handed over in summer 2024: waterproofing still in warranty, fit-out (2 years) no longer
			List<Long[]> homes = jdbc.query("""
					select u.id, s.owner_id from unit u join ownership s on s.unit_id = u.id and s.active
					where u.project_id = ? and u.handover_date is not null order by u.id limit 40""",
					(rs, i) -> new Long[] { rs.getLong(1), rs.getLong(2) }, project);
			List<Long> notHandedOver = jdbc.queryForList("""
					select u.id from unit u where u.project_id = ? and u.handover_date is null and u.status = 'SOLD'
					order by u.id limit 3""", Long.class, project);
			List<Long> leakComplaints = jdbc.queryForList("""
					select c.id from complaint c where c.project_id = ? and c.unit_id is not null
					  and c.state in ('RECEIVED', 'IN_PROGRESS') and (c.content like '%漏%' or c.content like '%渗%' or c.content like '%下水%')
					order by c.id""", Long.class, project);

			signIn.as("office");
			// 1. from a complaint: waterproofing, through to completion
			long a = raise(project, homes.get(0), leakComplaints.isEmpty() ? null : leakComplaints.get(0), "WATERPROOF",
					"WET_ROOM_WATERPROOF", "主卫", "卫生间地面渗水至楼下厨房顶棚，需重做防水。", Urgency.EMERGENCY, null, waterproof);
			work(a, true);
			accept(a, 5, "维修及时，师傅态度好。");
			orders++;
			// 2. rework: rejected once, now back with the contractor
			long b = raise(project, homes.get(1), null, "WATERPROOF", "ROOF_WATERPROOF", "顶层露台", "顶层露台雨后渗水，次卧墙面发霉。",
					Urgency.NORMAL, null, waterproof);
			work(b, true);
			signIn.as("field");
			management.reject(b, "业主试水后仍有渗水，需返工。", version(b));
			orders++;
			// 3. pending acceptance
			long c = raise(project, homes.get(2), null, "PLUMBING_ELECTRIC", "PLUMBING", "厨房", "厨房下水管接口漏水。", Urgency.EMERGENCY,
					null, team);
			work(c, true);
			orders++;
			// 4. in repair, overdue (reported days ago)
			long d = raise(project, homes.get(3), null, "DOOR_WINDOW", "FITOUT", "次卧", "次卧窗户关不严，五金件松动。", Urgency.NORMAL, null,
					general);
			work(d, false);
			backdate(d, 12);
			orders++;
			// 5. dispatched, not started
			orders += raise(project, homes.get(4), null, "ELEVATOR", null, "2单元电梯", "电梯运行时异响。", Urgency.NORMAL, null, elevator) > 0 ? 1 : 0;
			// 6. waiting to be dispatched; out of warranty, paid
			orders += raise(project, homes.get(5), null, "FITOUT", "FITOUT", "客厅", "客厅木地板起拱，业主自行装修后出现。", Urgency.NORMAL,
					Charge.PAID, null) > 0 ? 1 : 0;
			// 7. on hold until the owner is back
			long g = raise(project, homes.get(6), null, "CIVIL", "STRUCTURE", "客厅", "客厅墙面裂缝，需检测。", Urgency.NORMAL, null, general);
			signIn.as("manager");
			management.pause(g, "业主出差，约定下周一上门", BusinessClock.today().plusDays(5), version(g));
			orders++;
			// 8. a unit not handed over yet
			if (!notHandedOver.isEmpty()) {
				signIn.as("office");
				orders += raise(project, new Long[] { notHandedOver.get(0), null }, null, "DOOR_WINDOW", "FITOUT", "入户门",
						"交付前验房发现入户门变形。", Urgency.NORMAL, null, null) > 0 ? 1 : 0;
			}
			// 9. a public area, escalated
			signIn.as("field");
			long pub = management.raise(new WorkOrderManagement.RaiseForm(project, null, null, "3号楼地下车库入口", null, Source.DIRECT,
					trade("PLUMBING_ELECTRIC"), null, "", "车库入口照明线路故障，夜间无照明。", Urgency.EMERGENCY, "", "", null, null, null, team));
			backdate(pub, 2);
			orders++;
			// 10. cancelled duplicate
			signIn.as("office");
			long dup = raise(project, homes.get(2), null, "PLUMBING_ELECTRIC", "PLUMBING", "厨房", "厨房下水管接口漏水（重复报修）。",
					Urgency.NORMAL, null, null);
			signIn.as("manager");
			management.cancel(dup, "与已派工的工单重复。", version(dup));
			orders++;
			// 11–14. completed earlier, for the scorecard
			for (int i = 0; i < 4; i++) {
				signIn.as("office");
				long e = raise(project, homes.get(8 + i), null, i % 2 == 0 ? "PLUMBING_ELECTRIC" : "WATERPROOF",
						i % 2 == 0 ? "ELECTRICAL" : "WET_ROOM_WATERPROOF", i % 2 == 0 ? "餐厅" : "次卫",
						i % 2 == 0 ? "餐厅插座不通电。" : "次卫墙角返潮。", Urgency.NORMAL, null, i % 2 == 0 ? team : waterproof);
				work(e, true);
				accept(e, 3 + i % 3, null);
				backdate(e, 20 + i * 5);
				orders++;
			}

			signIn.as("manager");
			facilities.create(new Facilities.Form(project, "儿童游乐场", "游乐设施未安装，地面塑胶未铺设。", general, "工程部 孙工",
					BusinessClock.today().minusDays(20), Facilities.State.UNFINISHED, null, null,
					"业主多次投诉，销售时宣传于交房时完成。"));
			facilities.create(new Facilities.Form(project, "小区东侧绿化", "乔木补植和草坪铺设。", null, "工程部 景观专业",
					BusinessClock.today().plusDays(45), Facilities.State.UNFINISHED, null, null, ""));
			facilities.create(new Facilities.Form(project, "业主会所", "", general, "", LocalDate.of(2025, 3, 31),
					Facilities.State.FINISHED, LocalDate.of(2025, 3, 20), null, "待业主委员会成立后移交。"));
			facilities.create(new Facilities.Form(project, "地下车库充电桩", "", null, "工程部 机电专业", LocalDate.of(2025, 9, 30),
					Facilities.State.HANDED_OVER, LocalDate.of(2025, 9, 10), LocalDate.of(2025, 10, 8), "已移交物业公司。"));
		}
		finally {
			signIn.signOut();
		}
		log.info("Demo repairs loaded: {} work orders", orders);
	}

	private long raise(long project, Long[] home, Long complaintId, String trade, String component, String location,
			String description, Urgency urgency, Charge charge, Long contractorId) {
		long id = management.raise(new WorkOrderManagement.RaiseForm(project, home[0], home[1], null, complaintId,
				complaintId != null ? Source.COMPLAINT : Source.CALL, trade(trade), component, location, description, urgency,
				"", "", charge, null, null, contractorId));
		awaitComplaint();
		return id;
	}

	/**
	 * Waits (up to 10 s) until the complaint has taken in what its work orders told it, which it does in its own
	 * time: the demo's next steps, and the loaders after it, see the complaint as a user later would.
	 */
	private void awaitComplaint() {
		long until = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < until && jdbc.queryForObject("""
				select count(*) from event_publication where completion_date is null
				  and (event_type like '%.WorkOrderRaisedFromComplaint' or event_type like '%.WorkOrdersCompleted')""",
				Long.class) > 0) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/** The contractor starts and (if {@code finish}) reports completion, as its own account would. */
	private void work(long id, boolean finish) {
		signIn.as("manager");
		management.start(id, version(id));
		management.progress(id, "已上门查看，确定维修方案。");
		if (finish) {
			management.finish(id, "已按方案维修完毕，请业主验收。", "防水涂料、密封胶", version(id));
		}
	}

	private void accept(long id, int rating, String note) {
		signIn.as("field");
		management.accept(id, rating, note, version(id));
		awaitComplaint();
	}

	/** Moves a work order's dates back, as if it had been reported {@code days} ago. */
	private void backdate(long id, int days) {
		jdbc.update("""
				update work_order set reported_at = reported_at - make_interval(days => ?), due_at = due_at - make_interval(days => ?),
				  dispatched_at = dispatched_at - make_interval(days => ?), started_at = started_at - make_interval(days => ?),
				  finished_at = finished_at - make_interval(days => ? - 1), accepted_at = accepted_at - make_interval(days => ? - 2)
				where id = ?""", days, days, days, days, days, days, id);
		jdbc.update("update work_order_history set occurred_at = occurred_at - make_interval(days => ?) where work_order_id = ?",
				days, id);
	}

	private long version(long id) {
		return jdbc.queryForObject("select version from work_order where id = ?", Long.class, id);
	}

}
