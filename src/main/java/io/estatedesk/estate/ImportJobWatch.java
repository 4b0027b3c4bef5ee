package io.estatedesk.estate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.estatedesk.shared.BusinessClock;
import io.estatedesk.shared.ClusterNode;
import io.estatedesk.shared.StaffNotification;
import io.estatedesk.staff.StaffManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the imports this node runs alive in the database and fails those whose node has stopped. While an import of
 * this node is queued or running, a thread of its own (not the shared scheduler, which a slow job could hold up)
 * writes the job's heartbeat every few seconds. Every node sweeps now and then for running jobs whose heartbeat is
 * older than the limit and marks them failed with one {@code UPDATE … RETURNING}, so each is failed once, by one
 * node, and its uploader is told. The uploaded file is not kept, so a lost import cannot be taken over: the user
 * uploads it again (rows already imported are recognised, owners are never created twice).
 */
@Component
class ImportJobWatch implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ImportJobWatch.class);

	/** The message shown for an import whose node stopped. */
	static final String NODE_LOST = "import.failure.nodeLost";

	private final Set<Long> running = ConcurrentHashMap.newKeySet();

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final ClusterNode node;

	private final StaffManagement staff;

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	private final Duration staleAfter;

	private final ScheduledExecutorService beat;

	ImportJobWatch(JdbcTemplate jdbc, TransactionTemplate tx, ClusterNode node, StaffManagement staff,
			ApplicationEventPublisher events, MessageSource messages,
			@Value("${estatedesk.jobs.heartbeat-interval:5s}") Duration heartbeatInterval,
			@Value("${estatedesk.jobs.stale-after:2m}") Duration staleAfter) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.node = node;
		this.staff = staff;
		this.events = events;
		this.messages = messages;
		this.staleAfter = staleAfter;
		this.beat = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "import-heartbeat");
			t.setDaemon(true);
			return t;
		});
		long every = heartbeatInterval.toMillis();
		// a task of a ScheduledExecutorService that throws is never run again: heartbeat() lets nothing out
		beat.scheduleWithFixedDelay(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
	}

	/** The node that records a new job as its own. */
	String nodeId() {
		return node.id();
	}

	/** From now on this node keeps the job's heartbeat, until {@link #ended(long)}. */
	void started(long jobId) {
		running.add(jobId);
	}

	void ended(long jobId) {
		running.remove(jobId);
	}

	/** Writes the heartbeat of every job this node has in hand (called every few seconds by the heartbeat thread). */
	void heartbeat() {
		try {
			Long[] ids = running.toArray(Long[]::new);
			if (ids.length > 0) {
				jdbc.update("update import_job set heartbeat_at = ? where status = 'RUNNING' and node_id = ? and id = any(?)",
						Timestamp.from(BusinessClock.now()), node.id(), ids);
			}
		}
		catch (RuntimeException e) {
			log.warn("Import heartbeat not written: {}", e.toString());
		}
	}

	private record Lost(long id, String username, String fileName, String nodeId) {
	}

	/**
	 * Marks failed every running import whose heartbeat is older than the limit ({@code estatedesk.jobs.stale-after},
	 * 2 minutes) and tells each uploader; returns how many. One statement claims them, so when several nodes sweep at
	 * once each job is failed by one of them. A job this node still has in hand is never taken for lost.
	 */
	@Scheduled(fixedDelayString = "${estatedesk.jobs.sweep-interval:30000}", initialDelayString = "${estatedesk.jobs.sweep-delay:15000}")
	int sweep() {
		Integer failed = tx.execute(status -> {
			Instant now = BusinessClock.now();
			List<Lost> lost = jdbc.query("""
					update import_job set status = 'FAILED', failure_key = ?, failure = null, finished_at = ?
					where status = 'RUNNING' and coalesce(heartbeat_at, started_at) < ?
					  and not (coalesce(node_id, '') = ? and id = any(?))
					returning id, username, file_name, node_id""",
					(rs, i) -> new Lost(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)), NODE_LOST,
					Timestamp.from(now), Timestamp.from(now.minus(staleAfter)), node.id(), running.toArray(Long[]::new));
			for (Lost l : lost) {
				log.warn("Import {} ({}) failed: no heartbeat from its node {} for more than {}", l.id(), l.fileName(),
						l.nodeId(), staleAfter);
				staff.byUsername(l.username())
					.ifPresent(s -> events.publishEvent(new StaffNotification(List.of(s.id()),
							messages.getMessage("import.failure.nodeLost.title", new Object[] { l.fileName() },
									Locale.SIMPLIFIED_CHINESE),
							messages.getMessage(NODE_LOST, null, Locale.SIMPLIFIED_CHINESE), "/imports/" + l.id())));
			}
			return lost.size();
		});
		return failed == null ? 0 : failed;
	}

	@Override
	public void destroy() {
		beat.shutdownNow();
	}

}
