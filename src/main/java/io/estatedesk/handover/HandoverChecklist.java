package io.estatedesk.handover;

import java.util.LinkedHashMap;
import java.util.Map;

import io.estatedesk.shared.InvalidInputException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The inspection checklist: rooms × items, each with the trade that repairs a defect. */
@Component
class HandoverChecklist {

	private final JdbcTemplate jdbc;

	private final HandoverAccess access;

	HandoverChecklist(JdbcTemplate jdbc, HandoverAccess access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	/** Adds a checklist item (id null) or changes one; items in use are switched off rather than deleted. */
	void save(Long id, String room, String item, String tradeCode, Integer sortOrder, boolean active) {
		access.require(HandoverManagement.MANAGE);
		Map<String, String> errors = new LinkedHashMap<>();
		if (room == null || room.isBlank()) {
			errors.put("room", "handover.check.roomRequired");
		}
		if (item == null || item.isBlank()) {
			errors.put("item", "handover.check.itemRequired");
		}
		if (tradeCode == null
				|| jdbc.queryForObject("select count(*) from repair_trade_name where code = ?", Integer.class, tradeCode) == 0) {
			errors.put("tradeCode", "workorder.trade.required");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		int order = sortOrder == null ? 100 : sortOrder;
		if (id == null) {
			int n = jdbc.update("""
					insert into handover_check_item (room, item, trade_code, sort_order, active) values (?, ?, ?, ?, true)
					on conflict (room, item) do nothing""", room.strip(), item.strip(), tradeCode, order);
			if (n == 0) {
				throw new InvalidInputException(Map.of("item", "handover.check.duplicate"));
			}
		}
		else {
			jdbc.update("update handover_check_item set room = ?, item = ?, trade_code = ?, sort_order = ?, active = ? where id = ?",
					room.strip(), item.strip(), tradeCode, order, active, id);
		}
	}

}
