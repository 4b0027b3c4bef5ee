package io.estatedesk.complaint;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.estatedesk.shared.WorkingTime;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/** xlsx export of a filtered complaint list, streamed row by row. */
@Component
class ComplaintSheets {

	static final List<String> COLUMNS = List.of("编号", "日期", "项目", "投诉人", "投诉人房号", "类别", "级别", "渠道", "状态", "负责人",
			"回复时限", "办结时限", "超时");

	private static final DateTimeFormatter DT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(WorkingTime.CHINA);

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
		Workbook wb = new Workbook(out, "EstateDesk", "1.0");
		Worksheet ws = wb.newWorksheet("投诉");
		for (int c = 0; c < COLUMNS.size(); c++) {
			ws.value(0, c, COLUMNS.get(c));
			ws.style(0, c).bold().fillColor("DDEBF7").set();
			ws.width(c, c == 4 ? 22 : 14);
		}
		int[] row = { 1 };
		queries.each(filter, (RowCallbackHandler) rs -> {
			ComplaintViews.Row r = ComplaintQueries.row(rs);
			int i = row[0]++;
			Object[] v = { r.code(), r.complaintDate().toString(), r.projectName(), r.complainant(), r.unitLabel(), r.category(),
					r.severity() == Severity.MAJOR ? "重大" : "一般", ComplaintPdf.channel(r.channel()), state(r.state()),
					r.handler(), r.replyDue() == null ? null : DT.format(r.replyDue()),
					r.closeDue() == null ? null : DT.format(r.closeDue()), r.overdue() ? "是" : "" };
			for (int c = 0; c < v.length; c++) {
				if (v[c] != null) {
					ws.value(i, c, v[c].toString());
				}
			}
			if (i % 1000 == 0) {
				try {
					ws.flush();
				}
				catch (IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			}
		});
		wb.finish();
	}

}
