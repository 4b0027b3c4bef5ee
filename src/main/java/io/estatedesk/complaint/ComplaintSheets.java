package io.estatedesk.complaint;

import io.estatedesk.shared.BusinessClock;
import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.estatedesk.shared.XlsxTable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/** xlsx export of a filtered complaint list, streamed row by row. */
@Component
class ComplaintSheets {

	static final List<String> COLUMNS = List.of("编号", "日期", "项目", "投诉人", "投诉人房号", "类别", "级别", "渠道", "状态", "负责人",
			"回复时限", "办结时限", "超时");

	private static final DateTimeFormatter DT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BusinessClock.ZONE);

	private final ComplaintQueries queries;

	ComplaintSheets(ComplaintQueries queries) {
		this.queries = queries;
	}

	static String state(ComplaintState s) {
		return switch (s) {
			case RECEIVED -> "受理";
			case IN_PROGRESS -> "处理中";
			case PENDING_INSTRUCTION -> "待领导批示";
			case PENDING_REPLY -> "待回复";
			case REPLIED -> "已回复";
			case RETURN_VISITED -> "回访";
			case CLOSED -> "已关闭";
		};
	}

	void write(OutputStream out, ComplaintFilter filter) throws IOException {
		XlsxTable table = new XlsxTable(out, "投诉", COLUMNS).width(4, 22);
		queries.each(filter, (RowCallbackHandler) rs -> {
			ComplaintViews.Row r = ComplaintQueries.row(rs);
			table.row(r.code(), r.complaintDate().toString(), r.projectName(), r.complainant(), r.unitLabel(), r.category(),
					r.severity() == Severity.MAJOR ? "重大" : "一般", ComplaintPdf.channel(r.channel()), state(r.state()),
					r.handler(), r.replyDue() == null ? null : DT.format(r.replyDue()),
					r.closeDue() == null ? null : DT.format(r.closeDue()), r.overdue() ? "是" : "");
		});
		table.finish();
	}

}
