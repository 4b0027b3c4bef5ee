package io.estatedesk.repair;

import io.estatedesk.shared.BusinessClock;
import java.time.LocalDate;
import java.util.List;

import io.estatedesk.estate.ArchiveLookup;
import io.estatedesk.estate.ArchivePanel;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A unit's warranty today, component by component, on the unit's page (from its handover date). */
@Component
@Order(25)
class WarrantyPanel implements ArchivePanel {

	private final WarrantyRules warranty;

	private final ArchiveLookup archive;

	private final MessageSource messages;

	WarrantyPanel(WarrantyRules warranty, ArchiveLookup archive, MessageSource messages) {
		this.warranty = warranty;
		this.archive = archive;
		this.messages = messages;
	}

	@Override
	public String titleKey() {
		return "panel.warranty";
	}

	@Override
	public String permission() {
		return WorkOrderManagement.VIEW;
	}

	@Override
	public List<Item> forOwner(long ownerId) {
		return List.of();
	}

	@Override
	public List<Item> forUnit(long unitId) {
		ArchiveLookup.UnitRef unit = archive.unit(unitId).orElse(null);
		LocalDate handover = unit == null ? null : unit.handoverDate();
		if (handover == null) {
			return List.of();
		}
		var locale = LocaleContextHolder.getLocale();
		LocalDate today = BusinessClock.today();
		return warranty.inForce(today).stream().map(r -> {
			Warranty.Decision d = Warranty.decide(r, handover, unit.designLifeYears(), today);
			return new Item(r.name(), "/work-orders?unitId=" + unitId,
					messages.getMessage("warranty.status." + d.status(), null, locale),
					messages.getMessage("warranty.until", new Object[] { d.until() }, locale), !d.covered());
		}).toList();
	}

}
