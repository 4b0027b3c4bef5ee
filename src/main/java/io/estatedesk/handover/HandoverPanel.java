package io.estatedesk.handover;

import java.util.List;

import io.estatedesk.estate.ArchivePanel;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The handover of a unit (and of an owner's units), on their archive pages. */
@Component
@Order(30)
class HandoverPanel implements ArchivePanel {

	private final JdbcTemplate jdbc;

	private final MessageSource messages;

	HandoverPanel(JdbcTemplate jdbc, MessageSource messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	@Override
	public String titleKey() {
		return "panel.handover";
	}

	@Override
	public String permission() {
		return HandoverManagement.VIEW;
	}

	@Override
	public List<Item> forOwner(long ownerId) {
		return items("h.owner_id = ?", ownerId);
	}

	@Override
	public List<Item> forUnit(long unitId) {
		return items("h.unit_id = ?", unitId);
	}

	private List<Item> items(String condition, long id) {
		var locale = LocaleContextHolder.getLocale();
		return jdbc.query("""
				select h.id, h.state, h.handover_date, hb.name, hb.starts_on, u.building_name building, u.room_no
				from handover_unit h join handover_batch hb on hb.id = h.batch_id
				join estate_unit_place u on u.id = h.unit_id where """ + " " + condition + " order by h.id desc limit 20",
				(rs, i) -> new Item(rs.getString("name") + " " + rs.getString("building") + " " + rs.getString("room_no"),
						"/handover/units/" + rs.getLong("id"),
						messages.getMessage("handover.state." + rs.getString("state"), null, locale),
						String.valueOf(rs.getObject("handover_date") != null ? rs.getObject("handover_date") : rs.getObject("starts_on")),
						HandoverState.REFUSED.name().equals(rs.getString("state"))), id);
	}

}
