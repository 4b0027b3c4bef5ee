/** 部门经理 and 公司领导 dashboards (C10): figures from the other modules' aggregates, charts that open the lists behind them. */
@org.springframework.modulith.ApplicationModule(displayName = "Reports")
package io.estatedesk.report;
