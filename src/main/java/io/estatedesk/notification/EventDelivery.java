package io.estatedesk.notification;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.estatedesk.shared.BusinessClock;
import io.estatedesk.shared.ClusterLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Events between modules are stored before their listeners run (Spring Modulith's publication registry); this makes
 * sure each is delivered. Publications still open after a minute are resubmitted by one node at a time — the holder
 * of a lease in the database — instead of by every node when it starts; listeners are idempotent by event, so a
 * publication delivered twice has no second effect. Publications open for longer than {@link #STALE} turn the
 * health status to WARN and are counted on 系统管理 → 运行状态.
 */
@Component("eventDelivery")
class EventDelivery implements HealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(EventDelivery.class);

	/** An event not delivered after this long is a problem an administrator should see. */
	static final Duration STALE = Duration.ofMinutes(2);

	/** Only publications at least this old are resubmitted: younger ones may still be on their way. */
	static final Duration MIN_AGE = Duration.ofMinutes(1);

	private static final String LEASE = "event-resubmission";

	private final JdbcTemplate jdbc;

	private final IncompleteEventPublications incomplete;

	private final ClusterLease lease;

	EventDelivery(JdbcTemplate jdbc, IncompleteEventPublications incomplete, ClusterLease lease) {
		this.jdbc = jdbc;
		this.incomplete = incomplete;
		this.lease = lease;
	}

	/** Undelivered event publications older than {@link #STALE}: how many, the oldest, and per listener. */
	record Backlog(long count, Instant oldest, List<Listener> listeners) {
	}

	record Listener(String listener, long count) {
	}

	@Scheduled(fixedDelayString = "${estatedesk.events.resubmit-interval:60000}",
			initialDelayString = "${estatedesk.events.resubmit-delay:60000}")
	void scheduled() {
		resubmit();
	}

	/** Resubmits open publications older than a minute when this node holds the lease; returns whether it did. */
	boolean resubmit() {
		if (!lease.claim(LEASE, Duration.ofMinutes(3))) {
			return false;
		}
		long open = open(MIN_AGE);
		if (open > 0) {
			log.info("Resubmitting {} event publications not delivered after {}", open, MIN_AGE);
			incomplete.resubmitIncompletePublicationsOlderThan(MIN_AGE);
		}
		return true;
	}

	private long open(Duration olderThan) {
		return jdbc.queryForObject("select count(*) from event_publication where completion_date is null and publication_date < ?",
				Long.class, Timestamp.from(BusinessClock.now().minus(olderThan)));
	}

	Backlog backlog() {
		Timestamp before = Timestamp.from(BusinessClock.now().minus(STALE));
		List<Listener> listeners = jdbc.query("""
				select listener_id, count(*) from event_publication where completion_date is null and publication_date < ?
				group by 1 order by 2 desc, 1""", (rs, i) -> new Listener(rs.getString(1), rs.getLong(2)), before);
		Timestamp oldest = jdbc.queryForObject(
				"select min(publication_date) from event_publication where completion_date is null and publication_date < ?",
				Timestamp.class, before);
		return new Backlog(listeners.stream().mapToLong(Listener::count).sum(), oldest == null ? null : oldest.toInstant(),
				listeners);
	}

	@Override
	public Health health() {
		Backlog b;
		try {
			b = backlog();
		}
		catch (org.springframework.dao.DataAccessException e) {
			// the database is away: the db check reports that; nothing is known of the events meanwhile
			return Health.unknown().build();
		}
		return b.count() == 0 ? Health.up().build()
				: Health.status("WARN").withDetail("undeliveredEvents", b.count()).withDetail("oldest", b.oldest()).build();
	}

}
