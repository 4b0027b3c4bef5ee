package io.estatedesk.complaint;

import io.estatedesk.shared.BusinessClock;
import java.util.ArrayList;
import java.util.List;

import io.estatedesk.shared.WorkbenchItems;
import io.estatedesk.staff.Permissions;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The complaints waiting for the user: their open ones, overdue ones, appointments due today, instructions due. */
@Component
@Order(10)
class ComplaintWorkbench implements WorkbenchItems {

	private final JdbcTemplate jdbc;

	private final Permissions permissions;

	ComplaintWorkbench(JdbcTemplate jdbc, Permissions permissions) {
		this.jdbc = jdbc;
		this.permissions = permissions;
	}

	@Override
	public List<Item> items() {
		List<Item> items = new ArrayList<>();
		Long me = permissions.currentStaffId().orElse(null);
		if (permissions.has(ComplaintManagement.HANDLE) && me != null) {
			items.add(new Item("workbench.complaints.mine", count("select 1 from complaint c where c.handler_id = ? and c.closed_at is null", me),
					"/complaints?open=true&handlerId=" + me, false));
			java.sql.Timestamp endOfToday = java.sql.Timestamp.from(BusinessClock.today().plusDays(1)
				.atStartOfDay(BusinessClock.ZONE).toInstant());
			items.add(new Item("workbench.complaints.appointmentsToday", count("""
					select 1 from complaint c where c.handler_id = ? and c.closed_at is null and c.appointment_at is not null
					  and c.appointment_at < ?""", me, endOfToday),
					"/complaints?appointments=true&appointmentsBefore="
							+ BusinessClock.today().plusDays(1) + "&handlerId=" + me, false));
			items.add(new Item("workbench.complaints.repairsDone", count("""
					select 1 from complaint c where c.handler_id = ? and c.repairs_done_at is not null and c.closed_at is null""", me),
					"/complaints?repairsDone=true&handlerId=" + me, true));
		}
		if (permissions.has(ComplaintManagement.MANAGE)) {
			items.add(new Item("workbench.complaints.overdue", count("select 1 from complaint c where " + ComplaintQueries.overdue()),
					"/complaints?overdue=true", true));
		}
		else if (permissions.has(ComplaintManagement.HANDLE) && me != null) {
			items.add(new Item("workbench.complaints.myOverdue",
					count("select 1 from complaint c where c.handler_id = ? and " + ComplaintQueries.overdue(), me),
					"/complaints?overdue=true&handlerId=" + me, true));
		}
		if (permissions.has(ComplaintManagement.INSTRUCT)) {
			items.add(new Item("workbench.complaints.instruction",
					count("select 1 from complaint c where c.state = 'PENDING_INSTRUCTION'"), "/complaints?state=PENDING_INSTRUCTION",
					false));
		}
		return items;
	}

	private long count(String select, Object... args) {
		return WorkbenchItems.count(jdbc, select, args);
	}

}
