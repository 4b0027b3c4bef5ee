package io.estatedesk.staff;

import io.estatedesk.shared.BusinessClock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Bearer tokens a staff member creates for API clients; only a SHA-256 hash is stored. */
@Service
class ApiTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcTemplate jdbc;

	ApiTokens(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	record TokenRow(long id, String name, String prefix, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
			boolean revoked) {
	}

	/** Creates a token and returns its only clear-text copy. */
	@Transactional
	String create(long staffId, String name, Integer days) {
		byte[] bytes = new byte[30];
		RANDOM.nextBytes(bytes);
		String token = "edk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Timestamp expires = days == null ? null : Timestamp.from(BusinessClock.now().plus(days, ChronoUnit.DAYS));
		jdbc.update("insert into api_token (staff_id, name, token_hash, token_prefix, expires_at) values (?, ?, ?, ?, ?)",
				staffId, name, hash(token), token.substring(0, 10), expires);
		return token;
	}

	List<TokenRow> of(long staffId) {
		return jdbc.query("select * from api_token where staff_id = ? order by id desc",
				(rs, i) -> new TokenRow(rs.getLong("id"), rs.getString("name"), rs.getString("token_prefix"),
						rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("expires_at")),
						instant(rs.getTimestamp("last_used_at")), rs.getBoolean("revoked")),
				staffId);
	}

	@Transactional
	void revoke(long staffId, long tokenId) {
		jdbc.update("update api_token set revoked = true where id = ? and staff_id = ?", tokenId, staffId);
	}

	/** The username a valid token belongs to. */
	Optional<String> authenticate(String token) {
		String h = hash(token);
		List<String> users = jdbc.queryForList("""
				select s.username from api_token t join staff_account s on s.id = t.staff_id
				where t.token_hash = ? and not t.revoked and s.enabled
				  and (t.expires_at is null or t.expires_at > %s)""".formatted(BusinessClock.sqlNow()), String.class, h);
		if (users.isEmpty()) {
			return Optional.empty();
		}
		jdbc.update("update api_token set last_used_at = %1$s where token_hash = ? "
				.concat("and (last_used_at is null or last_used_at < %1$s - interval '1 minute')").formatted(BusinessClock.sqlNow()), h);
		return Optional.of(users.get(0));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
