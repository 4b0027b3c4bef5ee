package io.estatedesk.frontdesk;

import io.estatedesk.shared.BusinessClock;
import io.estatedesk.shared.Strings;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.estatedesk.estate.ArchivePanel;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** An owner's or a unit's calls and visits, on their archive pages. */
@Component
@Order(40)
class FrontDeskPanel implements ArchivePanel {

	private final FrontDesk desk;

	private final MessageSource messages;

	FrontDeskPanel(FrontDesk desk, MessageSource messages) {
		this.desk = desk;
		this.messages = messages;
	}

	@Override
	public String titleKey() {
		return "panel.contacts";
	}

	@Override
	public String permission() {
		return FrontDesk.VIEW;
	}

	@Override
	public List<Item> forOwner(long ownerId) {
		return items(desk.contacts("owner_id", ownerId));
	}

	@Override
	public List<Item> forUnit(long unitId) {
		return items(desk.contacts("unit_id", unitId));
	}

	private List<Item> items(List<Map<String, Object>> rows) {
		var locale = LocaleContextHolder.getLocale();
		ZoneId zone = BusinessClock.ZONE;
		return rows.stream().map(r -> {
			boolean call = "CALL".equals(r.get("kind"));
			String sub = (String) r.get("sub");
			String label = messages.getMessage(call ? "call.type." + sub : "visit.identity." + sub, null, locale) + "："
					+ Strings.orEmpty(Strings.abbreviate((String) r.get("content"), 40));
			java.sql.Timestamp at = (java.sql.Timestamp) r.get("at");
			String day = at.toInstant().atZone(zone).toLocalDate().toString();
			return new Item(label, call ? "/calls?from=" + day + "&to=" + day : "/visits?day=" + day,
					messages.getMessage(call ? "panel.contacts.call" : "panel.contacts.visit", null, locale),
					at.toInstant().atZone(zone).toLocalDate().toString(), false);
		}).toList();
	}


}
