package io.estatedesk.repair;

import static io.estatedesk.shared.Strings.blankToNull;
import static io.estatedesk.shared.Strings.orEmpty;
import static io.estatedesk.shared.Strings.stripped;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.estatedesk.shared.BusinessClock;
import io.estatedesk.shared.HistoryKind;
import io.estatedesk.shared.HistoryStep;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.Texts;
import io.estatedesk.shared.Uploads;
import io.estatedesk.staff.StaffManagement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** The repair itself: 开始, 进度, 完工, the charge and materials, and the photos before and after. */
@Component
class WorkOrderWork {

	private final WorkOrderStore store;

	private final StaffManagement staff;

	private final JdbcTemplate jdbc;

	WorkOrderWork(WorkOrderStore store, StaffManagement staff, JdbcTemplate jdbc) {
		this.store = store;
		this.staff = staff;
		this.jdbc = jdbc;
	}

	/** 开始维修: the team or contractor is on it. */
	void start(WorkOrder w) {
		store.requireWorker(w);
		w.check(WorkOrderAction.START);
		w.startedAt = BusinessClock.now();
		w.perform(WorkOrderAction.START, null);
		store.save(w);
	}

	/** 进度: a note on the progress, in the history. */
	void progress(WorkOrder w, WorkOrderInput in) {
		store.requireWorker(w);
		w.check(WorkOrderAction.PROGRESS);
		String note = blankToNull(in.note());
		if (note == null) {
			throw new InvalidInputException(Map.of("progressNote", "workorder.progress.required"));
		}
		w.perform(WorkOrderAction.PROGRESS, null);
		w.steps.add(HistoryStep.note(HistoryKind.PROGRESS, note));
		store.save(w);
	}

	/** 完工: the team or contractor reports the repair done; the owner's acceptance follows. */
	void finish(WorkOrder w, WorkOrderInput in) {
		store.requireWorker(w);
		w.check(WorkOrderAction.FINISH);
		String note = blankToNull(in.note());
		if (note == null) {
			throw new InvalidInputException(Map.of("finishNote", "workorder.finish.noteRequired"));
		}
		if (w.startedAt == null) {
			w.startedAt = BusinessClock.now();
		}
		w.finishedAt = BusinessClock.now();
		String oldMaterials = w.materials;
		if (blankToNull(in.materials()) != null) {
			w.materials = in.materials().strip();
		}
		w.perform(WorkOrderAction.FINISH, note);
		w.steps.field("materials", oldMaterials, w.materials);
		store.save(w);
		// the one who raised it arranges the owner's acceptance
		List<Long> to = w.createdBy != null ? List.of(w.createdBy) : staff.idsWithPermission(WorkOrderManagement.ESCALATION);
		store.notify(to, Texts.zh("repair.notify.toAccept", w.code), note, w);
	}

	/** 收费: warranty, paid or goodwill, materials and cost. Out-of-warranty work is never booked as warranty. */
	void saveCharge(WorkOrder w, Charge charge, String materials, BigDecimal cost) {
		store.requireDispatcherOrWorker(w);
		if (charge == null) {
			throw new InvalidInputException(Map.of("charge", "workorder.charge.required"));
		}
		if (cost != null && cost.signum() < 0) {
			throw new InvalidInputException(Map.of("cost", "workorder.cost.invalid"));
		}
		String oldCharge = w.charge.name();
		String oldMaterials = w.materials;
		BigDecimal oldCost = w.cost;
		w.charge = charge;
		w.checkCharge();
		w.materials = orEmpty(stripped(materials));
		w.cost = cost;
		w.updatedAt = BusinessClock.now();
		w.steps.field("charge", oldCharge, w.charge.name())
			.field("materials", oldMaterials, w.materials)
			.field("cost", oldCost == null ? null : oldCost.toPlainString(), cost == null ? null : cost.toPlainString());
		store.save(w);
	}

	/** A checked photo before or after the repair. */
	void attachPhoto(WorkOrder w, String stage, Uploads.Checked photo) {
		if (!store.may(WorkOrderManagement.CREATE) && !store.may(WorkOrderManagement.WORK)
				&& !store.may(WorkOrderManagement.ACCEPT)) {
			throw new AccessDeniedException(WorkOrderManagement.WORK);
		}
		w.check(WorkOrderAction.ATTACH_PHOTO);
		if (!photo.image()) {
			throw new InvalidInputException(Map.of("file", "upload.notImage"));
		}
		String s = "AFTER".equals(stage) ? "AFTER" : "BEFORE";
		jdbc.update("""
				insert into work_order_photo (work_order_id, stage, file_name, content_type, size_bytes, data, uploaded_by,
				  content_checked)
				values (?, ?, ?, ?, ?, ?, ?, true)""", w.id, s, photo.fileName(), photo.contentType(), photo.size(),
				photo.data(), store.actor());
		w.perform(WorkOrderAction.ATTACH_PHOTO, null);
		w.steps.add(new HistoryStep(HistoryKind.PHOTO, null, null, Texts.zh("repair.history.photo." + s, photo.fileName()),
				null));
		store.save(w);
	}

}
