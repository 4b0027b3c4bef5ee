package io.estatedesk.survey;

import io.estatedesk.shared.BusinessClock;
import java.util.ArrayList;
import java.util.List;

import io.estatedesk.shared.WorkbenchItems;
import io.estatedesk.staff.Permissions;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The return calls waiting for the user, and those overdue for everybody. */
@Component
@Order(30)
class SurveyWorkbench implements WorkbenchItems {

	private final JdbcTemplate jdbc;

	private final Permissions permissions;

	SurveyWorkbench(JdbcTemplate jdbc, Permissions permissions) {
		this.jdbc = jdbc;
		this.permissions = permissions;
	}

	@Override
	public List<Item> items() {
		List<Item> items = new ArrayList<>();
		if (!permissions.has(ReturnCalls.PERMISSION)) {
			return items;
		}
		permissions.currentStaffId().ifPresent(me -> items.add(new Item("workbench.returnCalls.mine",
				WorkbenchItems.count(jdbc, "select 1 from return_call r where r.state = 'OPEN' and r.assignee_id = ?", me),
				"/return-calls?mine=true", false)));
		items.add(new Item("workbench.returnCalls.overdue",
				WorkbenchItems.count(jdbc, "select 1 from return_call r where r.state = 'OPEN' and r.due_at < " + BusinessClock.sqlNow() + ""), "/return-calls?overdue=true",
				true));
		return items;
	}

}
