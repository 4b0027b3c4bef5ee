package io.estatedesk.repair;

import java.util.List;

import io.estatedesk.support.Fixtures;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The set-up of tests that act on one work order: a home, a waterproofing contractor and an order dispatched to it. */
@Component
public class RepairFixtures {

	/** What {@link #dispatchedOrder} made. */
	public record Order(long project, long unit, long trade, long company, long id) {
	}

	private final Fixtures fixtures;

	private final JdbcTemplate jdbc;

	private final Contractors contractors;

	private final WorkOrderManagement orders;

	RepairFixtures(Fixtures fixtures, JdbcTemplate jdbc, Contractors contractors, WorkOrderManagement orders) {
		this.fixtures = fixtures;
		this.jdbc = jdbc;
		this.contractors = contractors;
		this.orders = orders;
	}

	/** The ID of the trade with {@code code} (WATERPROOF, PLUMBING_ELECTRIC …). */
	public long trade(String code) {
		return jdbc.queryForObject("select id from repair_trade where code = ?", Long.class, code);
	}

	/** As {@code manager}: an active contractor {@code name} taking the one trade {@code tradeCode}. */
	public long contractor(String manager, String name, String tradeCode) {
		long trade = trade(tradeCode);
		return fixtures.as(manager, () -> contractors.create(new Contractors.Form(name, Contractors.Kind.CONTRACTOR, "联系人",
				"13900000000", "", null, null, "", List.of(trade), true)));
	}

	/**
	 * As {@code manager}: project {@code projectName} with 1-0101 in {@code building}, a waterproofing contractor
	 * {@code companyName} whose member is {@code contractorAccount} (none when null), and a 卫生间地面渗水 work order
	 * raised by phone and dispatched to it.
	 */
	public Order dispatchedOrder(String manager, String projectName, String building, String companyName,
			String contractorAccount) {
		long project = fixtures.project(projectName);
		long unit = fixtures.unit(project, fixtures.building(project, building), building.replace("号楼", "") + "-0101",
				"OCCUPIED");
		long trade = trade("WATERPROOF");
		long company = contractor(manager, companyName, "WATERPROOF");
		if (contractorAccount != null) {
			fixtures.as(manager, () -> contractors.addMember(company, contractorAccount));
		}
		long id = fixtures.as(manager, () -> orders.raise(new WorkOrderManagement.RaiseForm(project, unit, null, null, null,
				Source.CALL, trade, null, "主卫", "卫生间地面渗水", Urgency.NORMAL, "", "", null, null, null, company)));
		return new Order(project, unit, trade, company, id);
	}

}
