package io.estatedesk.repair;

import io.estatedesk.shared.BusinessClock;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.estatedesk.shared.HistoryKind;
import io.estatedesk.shared.HistoryStep;
import io.estatedesk.shared.StaffNotification;
import io.estatedesk.shared.Strings;
import io.estatedesk.shared.Texts;
import io.estatedesk.staff.StaffManagement;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Warns before a work order's due date, escalates to the 部门经理 and the contractor after it, and resumes work
 * orders on hold when their resume day comes. Like the complaint job, each step claims its rows with one UPDATE …
 * RETURNING, so with several application instances everything happens exactly once.
 */
@Component
class WorkOrderDeadlineJob {

	private static final String RUNNING = WorkOrderQueries.RUNNING;

	/** The actor of the job's steps in the history. */
	private static final String SYSTEM = "system";

	private record Hit(long id, String code, Long contractorId, Long createdBy, long version) {
	}

	private final JdbcTemplate jdbc;

	private final RepairRules rules;

	private final StaffManagement staff;

	private final Contractors contractors;

	private final WorkOrderRepository orders;

	private final WorkOrderDispatch dispatch;

	private final WorkOrderStore store;

	private final WorkOrderHistory history;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate tx;

	WorkOrderDeadlineJob(JdbcTemplate jdbc, RepairRules rules, StaffManagement staff, Contractors contractors,
			WorkOrderRepository orders, WorkOrderDispatch dispatch, WorkOrderStore store, WorkOrderHistory history,
			ApplicationEventPublisher events, TransactionTemplate tx) {
		this.tx = tx;
		this.jdbc = jdbc;
		this.rules = rules;
		this.staff = staff;
		this.contractors = contractors;
		this.orders = orders;
		this.dispatch = dispatch;
		this.store = store;
		this.history = history;
		this.events = events;
	}

	@Scheduled(fixedDelayString = "${estatedesk.repair.check-interval:60000}", initialDelayString = "${estatedesk.repair.check-delay:40000}")
	void scheduled() {
		// through the template: a call inside this class bypasses the @Transactional proxy (see ComplaintDeadlineJob)
		tx.executeWithoutResult(s -> check(BusinessClock.now()));
	}

	/** Runs every check once; returns how many warnings, escalations and resumptions it made. */
	@Transactional
	int check(Instant now) {
		int done = 0;
		Timestamp ts = Timestamp.from(now);
		for (Hit h : claim("""
				update work_order w set warned_at = ? where w.warned_at is null and %s
				  and w.due_at > ? and w.due_at <= cast(? as timestamptz) + make_interval(mins => ?)
				returning w.id, w.code, w.contractor_id, w.created_by, w.version""".formatted(RUNNING), ts, ts, ts,
				rules.warnMinutes())) {
			history.write(h.id(), h.version(), SYSTEM, HistoryStep.note(HistoryKind.WARNED, Texts.zh("repair.history.warned")));
			List<Long> to = new ArrayList<>();
			if (h.contractorId() != null) {
				to.addAll(contractors.memberIds(h.contractorId()));
			}
			if (h.createdBy() != null) {
				to.add(h.createdBy());
			}
			notify(to, Texts.zh("repair.notify.warned", h.code()), Texts.zh("repair.notify.warned.body"), h);
			done++;
		}
		for (Hit h : claim("""
				update work_order w set escalated_at = ? where w.escalated_at is null and %s and w.due_at <= ?
				returning w.id, w.code, w.contractor_id, w.created_by, w.version""".formatted(RUNNING), ts, ts)) {
			history.write(h.id(), h.version(), SYSTEM,
					HistoryStep.note(HistoryKind.ESCALATED, Texts.zh("repair.history.escalated")));
			List<Long> to = new ArrayList<>(staff.idsWithPermission(WorkOrderManagement.ESCALATION));
			if (h.contractorId() != null) {
				contractors.memberIds(h.contractorId()).stream().filter(i -> !to.contains(i)).forEach(to::add);
			}
			notify(to, Texts.zh("repair.notify.overdue", h.code()), Texts.zh("repair.notify.overdue.body"), h);
			done++;
		}
		LocalDate today = LocalDate.ofInstant(now, BusinessClock.ZONE);
		for (Hit h : claim("""
				update work_order w set resume_on = null where w.state = 'PAUSED' and w.resume_on <= ?
				returning w.id, w.code, w.contractor_id, w.created_by, w.version""", java.sql.Date.valueOf(today))) {
			WorkOrder w = orders.findById(h.id()).orElseThrow();
			dispatch.resume(w, now);
			store.save(w, SYSTEM);
			if (w.contractorId != null) {
				notify(contractors.memberIds(w.contractorId), Texts.zh("repair.notify.resumed", h.code()),
						Texts.zh("repair.notify.resumed.body", Strings.minute(w.dueAt)), h);
			}
			done++;
		}
		return done;
	}

	private List<Hit> claim(String sql, Object... args) {
		return jdbc.query(sql, (rs, i) -> new Hit(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3),
				(Long) rs.getObject(4), rs.getLong(5)), args);
	}

	private void notify(List<Long> recipients, String title, String body, Hit h) {
		if (!recipients.isEmpty()) {
			events.publishEvent(new StaffNotification(recipients, title, body, "/work-orders/" + h.id()));
		}
	}

}
