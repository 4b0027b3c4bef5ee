package io.estatedesk.repair;

import io.estatedesk.shared.BusinessClock;
import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.estatedesk.shared.XlsxTable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/** xlsx export of a filtered work order list, streamed row by row. */
@Component
class WorkOrderSheets {

	private static final List<String> COLUMN_KEYS = List.of("workorder.code", "workorder.reportedAt", "workorder.project",
			"workorder.place", "workorder.trade", "workorder.description", "workorder.urgency", "workorder.state",
			"workorder.contractor", "workorder.dueAt", "workorder.overdue", "workorder.warranty", "workorder.charge",
			"workorder.reworkCount", "workorder.ownerRating");

	private static final DateTimeFormatter DT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BusinessClock.ZONE);

	private final WorkOrderQueries queries;

	private final MessageSource messages;

	WorkOrderSheets(WorkOrderQueries queries, MessageSource messages) {
		this.queries = queries;
		this.messages = messages;
	}

	void write(OutputStream out, WorkOrderFilter filter, Optional<Long> onlyContractor, Locale locale) throws IOException {
		XlsxTable table = new XlsxTable(out, msg("workorder.list.title", locale),
				COLUMN_KEYS.stream().map(k -> msg(k, locale)).toList()).width(3, 24).width(5, 40);
		queries.each(filter, onlyContractor, (RowCallbackHandler) rs -> {
			WorkOrderViews.Row r = WorkOrderQueries.row(rs);
			table.row(r.code(), DT.format(r.reportedAt()), r.projectName(), r.place(), r.tradeName(), r.description(),
					msg("workorder.urgency." + r.urgency(), locale), msg("workorder.state." + r.state(), locale),
					r.contractorName(), DT.format(r.dueAt()), r.overdue() ? msg("common.yes", locale) : "",
					msg("warranty.status." + r.warrantyStatus(), locale), msg("workorder.charge." + r.charge(), locale),
					r.reworkCount() == 0 ? "" : r.reworkCount(), r.ownerRating());
		});
		table.finish();
	}

	private String msg(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

}
