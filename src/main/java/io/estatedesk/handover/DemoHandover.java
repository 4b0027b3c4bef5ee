package io.estatedesk.handover;

import io.estatedesk.shared.BusinessClock;
import java.math.BigDecimal;
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

/**
 * Demo mode: 金第·熙园 in the middle of its handover — the property company's takeover done (with an open issue),
 * the first batch with slots, units booked, inspected (a defect became a work order), handed over and one refused;
 * the second batch not yet booked. Taken through the same steps staff would use.
 */
@Component
@Order(40)
class DemoHandover implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoHandover.class);

	private final HandoverManagement handover;

	private final HandoverQueries queries;

	private final Takeovers takeovers;

	private final JdbcTemplate jdbc;

	private final DemoSignIn signIn;

	private final boolean demo;

	DemoHandover(HandoverManagement handover, HandoverQueries queries, Takeovers takeovers, JdbcTemplate jdbc,
			DemoSignIn signIn, @Value("${estatedesk.demo:false}") boolean demo) {
		this.handover = handover;
		this.queries = queries;
		this.takeovers = takeovers;
		this.jdbc = jdbc;
		this.signIn = signIn;
		this.demo = demo;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo || jdbc.queryForObject("select count(*) from handover_batch", Long.class) > 0) {
			return;
		}
		List<Long> projects = jdbc.queryForList("select id from project where name = '金第·熙园'", Long.class);
		if (projects.isEmpty()) {
			return;
		}
		long project = projects.get(0);
		List<Long> buildings = jdbc.queryForList("select id from building where project_id = ? order by name", Long.class, project);
		LocalDate today = BusinessClock.today();
		try {
			signIn.as("manager");
			Takeovers.Takeover t = takeovers.of(project);
			takeovers.save(project, "金第物业服务有限公司", today.plusDays(3), today.minusDays(20), "已完成承接查验，资料移交齐全。", t.version());
			takeovers.check(project, takeovers.items(t.id()).stream().collect(java.util.stream.Collectors.toMap(
					Takeovers.Item::id, i -> i.item().equals("安防监控与门禁") ? "fail" : "ok")), java.util.Map.of());
			takeovers.addIssue(project, "2号楼单元门禁读卡器未调试完成", "工程部 机电专业", today.plusDays(2));
			long first = handover.createBatch(new HandoverManagement.BatchForm(project, "第一批（1号楼）", today.minusDays(2),
					today.plusDays(12), "按购房合同约定交房"));
			handover.addUnits(first, buildings.get(0), null);
			long second = handover.createBatch(new HandoverManagement.BatchForm(project, "第二批（2号楼）", today.plusDays(14),
					today.plusDays(30), ""));
			handover.addUnits(second, buildings.get(1), null);
			LocalDateTime morning = today.minusDays(1).atTime(9, 0);
			handover.addSlot(first, morning, morning.plusHours(3), 8);
			handover.addSlot(first, morning.plusDays(1), morning.plusDays(1).plusHours(3), 8);
			handover.addSlot(first, morning.plusDays(2), morning.plusDays(2).plusHours(3), 8);
			List<HandoverQueries.Slot> slots = queries.slots(first);
			List<HandoverQueries.UnitRow> units = queries.units(first);
			long bathroom = jdbc.queryForObject("select id from handover_check_item where room = '卫生间' order by sort_order limit 1", Long.class);
			long window = jdbc.queryForObject("select id from handover_check_item where room = '卧室' and trade_code = 'DOOR_WINDOW' limit 1", Long.class);
			signIn.as("field");
			for (int i = 0; i < 14 && i < units.size(); i++) {
				long id = units.get(i).id();
				handover.book(id, slots.get(i / 7).id(), i % 2 == 0 ? "电话" : "短信", version(id));
				if (i >= 10) {
					continue; // booked for the coming days
				}
				boolean defect = i % 4 == 1;
				handover.inspect(id, List.of(new HandoverManagement.Check(bathroom, !defect, defect ? "闭水试验后地漏周边渗水" : "", null),
						new HandoverManagement.Check(window, i != 6, i == 6 ? "主卧窗扇关闭不严" : "", null)), version(id));
				if (i == 3) {
					handover.refuse(id, "业主认为阳台面积与合同不符，待销售部核实", version(id));
				}
				else if (i < 8) {
					handover.accept(id, new HandoverManagement.AcceptForm(true, true, 3, new BigDecimal("0.8"),
							new BigDecimal(12 + i), new BigDecimal("0.2"), units.get(i).ownerName(), today.minusDays(1)), version(id));
				}
			}
		}
		finally {
			signIn.signOut();
		}
		log.info("Demo handover loaded: 金第·熙园 with two batches and a takeover");
	}

	private long version(long id) {
		return jdbc.queryForObject("select version from handover_unit where id = ?", Long.class, id);
	}

}
