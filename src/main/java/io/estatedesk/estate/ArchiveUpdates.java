package io.estatedesk.estate;

import java.time.LocalDate;

import io.estatedesk.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may change in the archive: a unit handed over to its owner (交房). */
@Service
public class ArchiveUpdates {

	private final UnitRepository units;

	ArchiveUpdates(UnitRepository units) {
		this.units = units;
	}

	/**
	 * The unit was handed over on {@code day}: its handover date (which starts the warranty clock) is set and a sold
	 * unit becomes 已交房; a unit already occupied or let keeps that status.
	 */
	@Transactional
	public void handedOver(long unitId, LocalDate day) {
		Unit u = units.findById(unitId).orElseThrow(() -> new NotFoundException("unit.notFound"));
		u.handoverDate = day;
		if (u.status == UnitStatus.UNSOLD || u.status == UnitStatus.SOLD) {
			u.status = UnitStatus.HANDED_OVER;
		}
		units.saveAndFlush(u);
	}

}
