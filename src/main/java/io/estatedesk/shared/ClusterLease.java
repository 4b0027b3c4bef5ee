package io.estatedesk.shared;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which application node does a piece of work that must not run on several nodes at once: a lease in the database,
 * claimed with one statement, renewed by its holder and taken over by another node once it has expired.
 */
@Component
public class ClusterLease {

	private final JdbcTemplate jdbc;

	private final ClusterNode node;

	ClusterLease(JdbcTemplate jdbc, ClusterNode node) {
		this.jdbc = jdbc;
		this.node = node;
	}

	/** Claims or renews the named lease for this node; true when this node holds it for the given time. */
	public boolean claim(String name, Duration duration) {
		Instant now = BusinessClock.now();
		return !jdbc.queryForList("""
				insert into cluster_lease (name, holder, expires_at) values (?, ?, ?)
				on conflict (name) do update set holder = excluded.holder, expires_at = excluded.expires_at
				where cluster_lease.expires_at < ? or cluster_lease.holder = excluded.holder
				returning holder""", String.class, name, node.id(), Timestamp.from(now.plus(duration)), Timestamp.from(now))
			.isEmpty();
	}

}
