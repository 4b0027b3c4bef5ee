package io.estatedesk.repair;

import java.util.List;
import java.util.Optional;

import io.estatedesk.shared.ChangedMeanwhile;
import io.estatedesk.shared.NotFoundException;
import io.estatedesk.shared.StaffNotification;
import io.estatedesk.staff.Permissions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Reaching a work order the current user may touch, and saving it: {@link #save} flushes the entity and then writes
 * the history steps it collected with the version the flush produced — the one place a work order's history is
 * written from a change of the entity.
 */
@Component
class WorkOrderStore {

	private final WorkOrderRepository orders;

	private final WorkOrderHistory history;

	private final Permissions permissions;

	private final Contractors contractors;

	private final ApplicationEventPublisher events;

	WorkOrderStore(WorkOrderRepository orders, WorkOrderHistory history, Permissions permissions, Contractors contractors,
			ApplicationEventPublisher events) {
		this.orders = orders;
		this.history = history;
		this.permissions = permissions;
		this.contractors = contractors;
		this.events = events;
	}

	/** The work order, if the current user may see it. */
	WorkOrder get(long id) {
		WorkOrder w = orders.findById(id).orElseThrow(() -> new NotFoundException("workorder.notFound"));
		requireAccess(w);
		return w;
	}

	/** The work order for a change based on the given version; refused with what changed meanwhile. */
	WorkOrder load(long id, long version) {
		WorkOrder w = get(id);
		if (w.version != version) {
			throw new ChangedMeanwhile(history.since(id, version));
		}
		return w;
	}

	/** Saves the work order and writes its collected steps as the current user. */
	WorkOrder save(WorkOrder w) {
		return save(w, actor());
	}

	/** Saves the work order and writes its collected steps, on behalf of {@code actor} (e.g. "system"). */
	WorkOrder save(WorkOrder w, String actor) {
		orders.saveAndFlush(w);
		history.write(w.id, w.version, actor, w.steps);
		return w;
	}

	String actor() {
		return permissions.currentUsername();
	}

	Optional<Long> currentStaffId() {
		return permissions.currentStaffId();
	}

	/** The contractor whose work orders alone the current user may see, or empty when the user sees all. */
	Optional<Long> restrictedTo() {
		if (permissions.has(WorkOrderManagement.ALL)) {
			return Optional.empty();
		}
		return Optional.of(permissions.currentStaffId().flatMap(contractors::contractorOf).orElse(-1L));
	}

	/** Another contractor's work order does not exist for a contractor's account. */
	void requireAccess(WorkOrder w) {
		requirePermission(WorkOrderManagement.VIEW);
		restrictedTo().ifPresent(c -> {
			if (!c.equals(w.contractorId)) {
				throw new NotFoundException("workorder.notFound");
			}
		});
	}

	/** Reports progress: the assigned contractor's account, or staff with the right to work on any. */
	void requireWorker(WorkOrder w) {
		requirePermission(WorkOrderManagement.WORK);
		requireAccess(w);
	}

	void requireDispatcherOrWorker(WorkOrder w) {
		if (!may(WorkOrderManagement.DISPATCH) && !may(WorkOrderManagement.MANAGE)) {
			requireWorker(w);
		}
	}

	void requirePermission(String code) {
		if (!may(code)) {
			throw new AccessDeniedException(code);
		}
	}

	boolean may(String code) {
		return permissions.has(code);
	}

	/** Tells the staff about the work order, linking to its page. */
	void notify(List<Long> recipients, String title, String body, WorkOrder w) {
		if (!recipients.isEmpty()) {
			events.publishEvent(new StaffNotification(recipients, title, body, "/work-orders/" + w.id));
		}
	}

}
