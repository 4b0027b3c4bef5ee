package io.estatedesk.complaint;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

/** The complaint list's filters, all applied in the database. */
record ComplaintFilter(Long projectId, Long buildingId, ComplaintState state, Long categoryId, Severity severity,
		Channel channel, Long handlerId, Boolean overdue, Boolean open, Boolean appointments,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
		String q, Long ownerId, Long unitId, ComplaintCause cause,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate appointmentsBefore) {

	static ComplaintFilter none() {
		return new ComplaintFilter(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
	}

	String query() {
		return q == null || q.isBlank() ? null : q.strip();
	}

	String describe() {
		List<String> p = new ArrayList<>();
		add(p, "项目ID", projectId);
		add(p, "楼栋ID", buildingId);
		add(p, "状态", state);
		add(p, "类别ID", categoryId);
		add(p, "级别", severity);
		add(p, "渠道", channel);
		add(p, "负责人ID", handlerId);
		add(p, "超时", overdue);
		add(p, "未关闭", open);
		add(p, "约时", appointments);
		add(p, "约时早于", appointmentsBefore);
		add(p, "自", from);
		add(p, "至", to);
		add(p, "原因类别", cause);
		add(p, "搜索", query());
		return p.isEmpty() ? "全部" : String.join("，", p);
	}

	private static void add(List<String> p, String name, Object v) {
		if (v != null && !Boolean.FALSE.equals(v)) {
			p.add(name + "=" + v);
		}
	}

}
