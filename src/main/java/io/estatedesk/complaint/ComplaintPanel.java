package io.estatedesk.complaint;

import java.util.List;

import io.estatedesk.estate.ArchivePanel;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The complaints of an owner or a unit, on their archive pages. */
@Component
@Order(10)
class ComplaintPanel implements ArchivePanel {

	private final NamedParameterJdbcTemplate jdbc;

	private final org.springframework.context.MessageSource messages;

	ComplaintPanel(NamedParameterJdbcTemplate jdbc, org.springframework.context.MessageSource messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	@Override
	public String titleKey() {
		return "panel.complaints";
	}

	@Override
	public String permission() {
		return ComplaintManagement.VIEW;
	}

	@Override
	public List<Item> forOwner(long ownerId) {
		return items(ComplaintQueries.ofOwner(":id"), ownerId);
	}

	@Override
	public List<Item> forUnit(long unitId) {
		return items(ComplaintQueries.ofUnit(":id"), unitId);
	}

	@Override
	public java.util.Optional<Action> ownerAction(long ownerId) {
		String unit = jdbc.queryForList("select unit_id from estate_ownership where owner_id = :id and active order by id limit 1",
				new MapSqlParameterSource("id", ownerId), Long.class).stream().findFirst().map(u -> "&unitId=" + u).orElse("");
		return java.util.Optional.of(new Action("complaint.new", "/complaints/new?ownerId=" + ownerId + unit, ComplaintManagement.CREATE));
	}

	@Override
	public java.util.Optional<Action> unitAction(long unitId) {
		return java.util.Optional.of(new Action("complaint.new", "/complaints/new?unitId=" + unitId, ComplaintManagement.CREATE));
	}

	private List<Item> items(String condition, long id) {
		var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		return jdbc.query("select c.id, c.code, c.content, c.state, c.complaint_date, " + ComplaintQueries.overdue()
				+ " overdue from complaint c where " + condition + " order by c.id desc limit 50",
				new MapSqlParameterSource("id", id),
				(rs, i) -> new Item(rs.getString("code") + " " + ComplaintNotices.quote(rs.getString("content")),
						"/complaints/" + rs.getLong("id"),
						messages.getMessage("complaint.state." + rs.getString("state"), null, locale),
						rs.getDate("complaint_date").toString(), rs.getBoolean("overdue")));
	}

}
