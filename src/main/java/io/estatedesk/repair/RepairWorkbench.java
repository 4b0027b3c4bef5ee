package io.estatedesk.repair;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.estatedesk.shared.WorkbenchItems;
import io.estatedesk.staff.Permissions;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The work orders waiting for the user: to dispatch, overdue, to accept, return calls due; for a contractor's
 * account, its company's open and overdue orders.
 */
@Component
@Order(20)
class RepairWorkbench implements WorkbenchItems {

	private final JdbcTemplate jdbc;

	private final Permissions permissions;

	private final WorkOrderManagement management;

	RepairWorkbench(JdbcTemplate jdbc, Permissions permissions, WorkOrderManagement management) {
		this.jdbc = jdbc;
		this.permissions = permissions;
		this.management = management;
	}

	@Override
	public List<Item> items() {
		List<Item> items = new ArrayList<>();
		if (!permissions.has(WorkOrderManagement.VIEW)) {
			return items;
		}
		Optional<Long> only = management.restrictedTo();
		if (only.isPresent()) {
			long c = only.get();
			items.add(new Item("workbench.repairs.ours", count("""
					select 1 from work_order w where w.contractor_id = ? and w.accepted_at is null and w.cancelled_at is null""", c),
					"/work-orders?open=true", false));
			items.add(new Item("workbench.repairs.overdue",
					count("select 1 from work_order w where w.contractor_id = ? and " + WorkOrderQueries.overdue(), c),
					"/work-orders?overdue=true", true));
			return items;
		}
		if (permissions.has(WorkOrderManagement.DISPATCH)) {
			items.add(new Item("workbench.repairs.toDispatch", count("select 1 from work_order w where w.state = 'PENDING_DISPATCH'"),
					"/work-orders?state=PENDING_DISPATCH", false));
		}
		items.add(new Item("workbench.repairs.overdue", count("select 1 from work_order w where " + WorkOrderQueries.overdue()),
				"/work-orders?overdue=true", true));
		if (permissions.has(WorkOrderManagement.ACCEPT)) {
			items.add(new Item("workbench.repairs.toAccept", count("select 1 from work_order w where w.state = 'PENDING_ACCEPTANCE'"),
					"/work-orders?state=PENDING_ACCEPTANCE", false));
			items.add(new Item("workbench.repairs.returnCalls", count("""
					select 1 from work_order w where w.return_call_due is not null and w.return_call_at is null"""),
					"/work-orders?returnCallDue=true", false));
		}
		return items;
	}

	private long count(String select, Object... args) {
		return WorkbenchItems.count(jdbc, select, args);
	}

}
