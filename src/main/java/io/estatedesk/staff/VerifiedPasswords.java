package io.estatedesk.staff;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.estatedesk.shared.BusinessClock;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password check, remembering for a short time which (password, stored hash) pairs it found to match, so that an
 * integration sending HTTP Basic on every request pays BCrypt once per credential, not once per request. The stored
 * hash stays BCrypt; nothing weaker is written anywhere.
 * <p>
 * What is remembered is an HMAC-SHA256 of the stored hash and the password under a key drawn at start and never
 * written out, so the memory holds neither the password nor anything that can be checked against it offline. Because
 * the stored hash is part of the key, a changed password (a new hash) is never found; a disabled account is refused
 * before the password is looked at, and an address locked out by the throttle too. Only successes are remembered: a
 * wrong password always costs a full BCrypt check, so guessing gets no cheaper. Entries live {@link #LIFETIME} and
 * at most {@link #CAPACITY} are kept by default (the oldest used goes first).
 */
final class VerifiedPasswords implements PasswordEncoder {

	static final Duration LIFETIME = Duration.ofMinutes(5);

	static final int CAPACITY = 10_000;

	private final PasswordEncoder hashing;

	private final SecretKeySpec key;

	private final Map<String, Instant> verified;

	VerifiedPasswords(PasswordEncoder hashing) {
		this(hashing, CAPACITY);
	}

	VerifiedPasswords(PasswordEncoder hashing, int capacity) {
		this.hashing = hashing;
		this.verified = new LinkedHashMap<>(256, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
				return size() > capacity;
			}
		};
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return hashing.encode(rawPassword);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (rawPassword == null || encodedPassword == null || encodedPassword.isEmpty()) {
			return hashing.matches(rawPassword, encodedPassword);
		}
		String entry = entry(rawPassword, encodedPassword);
		Instant now = BusinessClock.now();
		synchronized (verified) {
			Instant until = verified.get(entry);
			if (until != null && now.isBefore(until)) {
				return true;
			}
			verified.remove(entry);
		}
		boolean matches = hashing.matches(rawPassword, encodedPassword);
		if (matches) {
			synchronized (verified) {
				verified.put(entry, now.plus(LIFETIME));
			}
		}
		return matches;
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return hashing.upgradeEncoding(encodedPassword);
	}

	/** How many successes are remembered now (for tests). */
	int remembered() {
		synchronized (verified) {
			return verified.size();
		}
	}

	private String entry(CharSequence rawPassword, String encodedPassword) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(mac.doFinal());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

}
