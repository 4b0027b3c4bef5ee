package io.estatedesk.complaint;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * The complaint's side of its repairs: it records each work order raised from it and moves on when they are done.
 * Two work orders of one complaint may finish at the same moment, so each step is its own transaction (the facade's)
 * and is tried again on an optimistic-lock failure; the listener itself runs outside a transaction, which a failed
 * attempt would otherwise leave marked for rollback.
 */
@Component
class ComplaintRepairs {

	private static final Logger log = LoggerFactory.getLogger(ComplaintRepairs.class);

	static final int ATTEMPTS = 5;

	private final ComplaintManagement complaints;

	ComplaintRepairs(ComplaintManagement complaints) {
		this.complaints = complaints;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(WorkOrderRaisedFromComplaint event) {
		retried(() -> {
			complaints.repairOrdered(event.complaintId(), event.workOrderCode(), event.actor());
			return null;
		});
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(WorkOrdersCompleted event) {
		retried(() -> {
			complaints.repairsDone(event.complaintId(), event.summary(), event.actor());
			return null;
		});
	}

	static <T> T retried(Supplier<T> step) {
		for (int attempt = 1;; attempt++) {
			try {
				return step.get();
			}
			catch (ObjectOptimisticLockingFailureException e) {
				if (attempt >= ATTEMPTS) {
					throw e;
				}
				log.info("complaint changed meanwhile, trying again ({} of {})", attempt + 1, ATTEMPTS);
				try {
					Thread.sleep(50L * attempt);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw e;
				}
			}
		}
	}

}
