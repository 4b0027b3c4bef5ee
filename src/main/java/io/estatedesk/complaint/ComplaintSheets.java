package io.estatedesk.complaint;

import io.estatedesk.shared.BusinessClock;
import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.estatedesk.shared.Texts;
import io.estatedesk.shared.XlsxTable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/** xlsx export of a filtered complaint list, streamed row by row. */
@Component
class ComplaintSheets {

	static final List<String> COLUMNS = List.of("code", "date", "project", "complainant", "unit", "category", "severity",
			"channel", "state", "handler", "replyDue", "closeDue", "overdue").stream()
		.map(c -> Texts.zh("complaint.sheet." + c)).toList();

	private static final DateTimeFormatter DT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BusinessClock.ZONE);

	private final ComplaintQueries queries;

	ComplaintSheets(ComplaintQueries queries) {
		this.queries = queries;
	}

	static String state(ComplaintState s) {
		return Texts.zh("complaint.state." + s.name());
	}

	void write(OutputStream out, ComplaintFilter filter) throws IOException {
		XlsxTable table = new XlsxTable(out, Texts.zh("complaint.sheet.name"), COLUMNS).width(4, 22);
		queries.each(filter, (RowCallbackHandler) rs -> {
			ComplaintViews.Row r = ComplaintQueries.row(rs);
			table.row(r.code(), r.complaintDate().toString(), r.projectName(), r.complainant(), r.unitLabel(), r.category(),
					Texts.zh("complaint.severity." + r.severity().name()), ComplaintPdf.channel(r.channel()), state(r.state()),
					r.handler(), r.replyDue() == null ? null : DT.format(r.replyDue()),
					r.closeDue() == null ? null : DT.format(r.closeDue()), r.overdue() ? Texts.zh("history.value.true") : "");
		});
		table.finish();
	}

}
