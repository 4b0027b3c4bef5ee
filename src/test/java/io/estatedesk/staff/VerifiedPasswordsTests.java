package io.estatedesk.staff;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import io.estatedesk.shared.BusinessClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedPasswordsTests {

	static final Instant T0 = Instant.parse("2026-12-03T02:00:00Z");

	final AtomicInteger bcryptChecks = new AtomicInteger();

	final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);

	final PasswordEncoder counting = new PasswordEncoder() {
		@Override
		public String encode(CharSequence raw) {
			return bcrypt.encode(raw);
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			bcryptChecks.incrementAndGet();
			return bcrypt.matches(raw, encoded);
		}
	};

	final VerifiedPasswords passwords = new VerifiedPasswords(counting);

	@AfterEach
	void clock() {
		BusinessClock.resetForTesting();
	}

	static void at(Instant instant) {
		BusinessClock.setForTesting(instant, false);
	}

	@Test
	void aMatchingPasswordIsCheckedByBcryptOnceWithinItsLifetime() {
		at(T0);
		String hash = passwords.encode("Secret-2026");
		assertThat(hash).startsWith("$2a$");
		for (int i = 0; i < 50; i++) {
			assertThat(passwords.matches("Secret-2026", hash)).isTrue();
		}
		assertThat(bcryptChecks).hasValue(1);
		at(T0.plus(VerifiedPasswords.LIFETIME).minusSeconds(1));
		assertThat(passwords.matches("Secret-2026", hash)).isTrue();
		assertThat(bcryptChecks).hasValue(1);
		at(T0.plus(VerifiedPasswords.LIFETIME));
		assertThat(passwords.matches("Secret-2026", hash)).isTrue();
		assertThat(bcryptChecks).as("checked again once the lifetime is over").hasValue(2);
	}

	@Test
	void aWrongPasswordAlwaysPaysTheFullCheckAndIsNeverRemembered() {
		at(T0);
		String hash = passwords.encode("Secret-2026");
		for (int i = 0; i < 5; i++) {
			assertThat(passwords.matches("secret-2026", hash)).isFalse();
		}
		assertThat(bcryptChecks).hasValue(5);
		assertThat(passwords.remembered()).isZero();
	}

	@Test
	void aChangedPasswordIsNeverFoundUnderTheOldOne() {
		at(T0);
		String before = passwords.encode("Secret-2026");
		assertThat(passwords.matches("Secret-2026", before)).isTrue();
		String after = passwords.encode("Other-2026!");
		assertThat(passwords.matches("Secret-2026", after)).as("the old password against the new hash").isFalse();
		assertThat(passwords.matches("Other-2026!", after)).isTrue();
		assertThat(bcryptChecks).hasValue(3);
	}

	@Test
	void atMostItsCapacityIsKeptTheLeastRecentlyUsedGoingFirst() {
		at(T0);
		VerifiedPasswords small = new VerifiedPasswords(counting, 2);
		String a = bcrypt.encode("a-2026");
		String b = bcrypt.encode("b-2026");
		String c = bcrypt.encode("c-2026");
		small.matches("a-2026", a);
		small.matches("b-2026", b);
		small.matches("a-2026", a); // a used again: b is now the eldest
		small.matches("c-2026", c);
		assertThat(small.remembered()).isEqualTo(2);
		bcryptChecks.set(0);
		small.matches("a-2026", a);
		small.matches("c-2026", c);
		assertThat(bcryptChecks).as("a and c remembered").hasValue(0);
		small.matches("b-2026", b);
		assertThat(bcryptChecks).as("b forgotten").hasValue(1);
	}

}
