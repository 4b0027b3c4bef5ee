/**
 * 部门管理 (C9): attendance from the time clock with 未打卡说明 approved by the 部门经理 and monthly statistics,
 * department meetings with minutes and action items, work plans, and every staff member's task list.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Office")
package io.estatedesk.office;
