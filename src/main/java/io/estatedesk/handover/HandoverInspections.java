package io.estatedesk.handover;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.estatedesk.repair.Source;
import io.estatedesk.repair.Urgency;
import io.estatedesk.repair.WorkOrderManagement;
import io.estatedesk.shared.BusinessClock;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.Strings;
import io.estatedesk.shared.Texts;
import io.estatedesk.shared.Uploads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 验房 on the checklist: every item's result is kept, and each failed item that has no work order yet becomes one
 * (交房问题) for the item's trade, at the room, with the note and the photo.
 */
@Component
class HandoverInspections {

	private final JdbcTemplate jdbc;

	private final HandoverUnits units;

	private final HandoverBatches batches;

	private final HandoverAccess access;

	private final WorkOrderManagement workOrders;

	private final Uploads uploads;

	HandoverInspections(JdbcTemplate jdbc, HandoverUnits units, HandoverBatches batches, HandoverAccess access,
			WorkOrderManagement workOrders, Uploads uploads) {
		this.jdbc = jdbc;
		this.units = units;
		this.batches = batches;
		this.access = access;
		this.workOrders = workOrders;
		this.uploads = uploads;
	}

	/** Records the checks; returns how many work orders were raised. */
	int inspect(long id, List<HandoverManagement.Check> checks, long version) {
		access.require(HandoverAction.INSPECT.permission());
		HandoverUnit u = units.load(id, version);
		u.check(HandoverAction.INSPECT);
		// every photo is checked before anything is recorded, so one bad file keeps the whole form as typed
		Map<Long, Uploads.Checked> photos = checkedPhotos(checks);
		long projectId = batches.projectOf(u.batchId);
		int raised = 0;
		for (HandoverManagement.Check c : checks) {
			Long order = jdbc.queryForList("""
					select work_order_id from handover_result where handover_unit_id = ? and check_item_id = ?""", Long.class,
					id, c.itemId()).stream().filter(Objects::nonNull).findFirst().orElse(null);
			if (!c.ok() && order == null) {
				order = raise(projectId, u, c, photos.get(c.itemId()));
				raised++;
			}
			jdbc.update("""
					insert into handover_result (handover_unit_id, check_item_id, ok, note, work_order_id, photo_name)
					values (?, ?, ?, ?, ?, ?)
					on conflict (handover_unit_id, check_item_id) do update set ok = excluded.ok, note = excluded.note,
					  work_order_id = coalesce(handover_result.work_order_id, excluded.work_order_id),
					  photo_name = coalesce(excluded.photo_name, handover_result.photo_name)""", id, c.itemId(), c.ok(),
					Strings.orEmpty(Strings.stripped(c.note())), order,
					photos.containsKey(c.itemId()) ? photos.get(c.itemId()).fileName() : null);
		}
		long failed = checks.stream().filter(c -> !c.ok()).count();
		String note = raised > 0 ? Texts.zh("handover.history.inspectedRaised", checks.size(), failed, raised)
				: Texts.zh("handover.history.inspected", checks.size(), failed);
		String actor = access.actor();
		u.inspected(actor, BusinessClock.now(), note);
		units.save(u, actor);
		return raised;
	}

	private Map<Long, Uploads.Checked> checkedPhotos(List<HandoverManagement.Check> checks) {
		Map<String, String> errors = new LinkedHashMap<>();
		Map<Long, Uploads.Checked> photos = new HashMap<>();
		for (HandoverManagement.Check c : checks) {
			if (!c.ok() && (c.note() == null || c.note().isBlank())) {
				errors.put("note[" + c.itemId() + "]", "handover.inspect.noteRequired");
			}
			if (!c.ok() && c.photo() != null && !c.photo().isEmpty()) {
				try {
					photos.put(c.itemId(), uploads.check(Uploads.Kind.PHOTO, c.photo(), "photo[" + c.itemId() + "]"));
				}
				catch (InvalidInputException e) {
					errors.putAll(e.errors());
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return photos;
	}

	/** The work order of a failed item, with its photo as the "before" picture. */
	private long raise(long projectId, HandoverUnit u, HandoverManagement.Check c, Uploads.Checked photo) {
		Map<String, Object> item = jdbc.queryForMap("""
				select i.room, i.item, t.id trade_id from handover_check_item i
				join repair_trade_name t on t.code = i.trade_code where i.id = ?""", c.itemId());
		long order = workOrders.raise(new WorkOrderManagement.RaiseForm(projectId, u.unitId, u.ownerId, null, null,
				Source.HANDOVER, ((Number) item.get("trade_id")).longValue(), null, (String) item.get("room"),
				Texts.zh("handover.workOrder.description", item.get("item"), c.note().strip()), Urgency.NORMAL, "", "", null,
				null, null, null));
		if (photo != null) {
			workOrders.attachPhoto(order, "BEFORE", photo);
		}
		return order;
	}

}
