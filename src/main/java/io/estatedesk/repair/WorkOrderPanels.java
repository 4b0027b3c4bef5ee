package io.estatedesk.repair;

import io.estatedesk.shared.BusinessClock;
import java.util.List;
import java.util.Optional;

import io.estatedesk.complaint.ComplaintSection;
import io.estatedesk.complaint.ComplaintState;
import io.estatedesk.estate.ArchivePanel;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The work orders of an owner, a unit or a complaint, on their pages, with the button to raise one (a contractor's
 * account sees its own only).
 */
@Component
@Order(20)
class WorkOrderPanels implements ArchivePanel, ComplaintSection {

	private final WorkOrderQueries queries;

	private final WorkOrderManagement management;

	private final MessageSource messages;

	WorkOrderPanels(WorkOrderQueries queries, WorkOrderManagement management, MessageSource messages) {
		this.queries = queries;
		this.management = management;
		this.messages = messages;
	}

	@Override
	public String titleKey() {
		return "panel.workOrders";
	}

	@Override
	public String permission() {
		return WorkOrderManagement.VIEW;
	}

	@Override
	public List<ArchivePanel.Item> forOwner(long ownerId) {
		return items("owner_id", ownerId);
	}

	@Override
	public List<ArchivePanel.Item> forUnit(long unitId) {
		return items("unit_id", unitId);
	}

	@Override
	public List<ArchivePanel.Item> items(long complaintId) {
		return items("complaint_id", complaintId);
	}

	@Override
	public Optional<ArchivePanel.Action> unitAction(long unitId) {
		return Optional.of(new ArchivePanel.Action("workorder.new", "/work-orders/new?unitId=" + unitId,
				WorkOrderManagement.CREATE));
	}

	@Override
	public Optional<ArchivePanel.Action> action(long complaintId, ComplaintState state) {
		if (state == ComplaintState.CLOSED) {
			return Optional.empty();
		}
		return Optional.of(new ArchivePanel.Action("workorder.fromComplaint", "/work-orders/new?complaintId=" + complaintId,
				WorkOrderManagement.CREATE));
	}

	private List<ArchivePanel.Item> items(String column, long id) {
		var locale = LocaleContextHolder.getLocale();
		return queries.linked(column, id, management.restrictedTo()).stream().map(r -> new ArchivePanel.Item(
				r.code() + " " + r.tradeName() + " " + WorkOrderManagement.shortened(r.description()),
				"/work-orders/" + r.id(),
				messages.getMessage("workorder.state." + r.state(), null, locale)
						+ (r.contractorName() == null ? "" : " · " + r.contractorName()),
				r.reportedAt().atZone(BusinessClock.ZONE).toLocalDate().toString(), r.overdue()))
			.toList();
	}

}
