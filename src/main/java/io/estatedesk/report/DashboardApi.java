package io.estatedesk.report;

import io.estatedesk.shared.BusinessClock;
import java.time.YearMonth;

import io.estatedesk.shared.ApiController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The dashboards' figures through the API, e.g. for a company reporting system or a wall screen. */
@ApiController("/api/v1/dashboard")
@Tag(name = "看板", description = "部门经理看板和公司领导看板的数据")
@PreAuthorize("hasAuthority('DASHBOARD_VIEW')")
class DashboardApi {

	private final Dashboards dashboards;

	DashboardApi(Dashboards dashboards) {
		this.dashboards = dashboards;
	}

	@GetMapping("/manager")
	@Operation(summary = "部门经理看板：今日工作、未结案件按状态和时长、每月受理办结、时限达成、回访与满意度、原因类别、交房进度（月份格式 yyyy-MM，默认近 6 个月）")
	Dashboards.Manager manager(@RequestParam(required = false) Long projectId,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth to) {
		return dashboards.manager(DashboardController.period(projectId, from, to));
	}

	@GetMapping("/leader")
	@Operation(summary = "公司领导看板：各项目本月与上月，近 12 个月趋势（月份格式 yyyy-MM，默认本月）")
	Dashboards.Leader leader(@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
		return dashboards.leader(month != null ? month : BusinessClock.thisMonth(), 12);
	}

}
