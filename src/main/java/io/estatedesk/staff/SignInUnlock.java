package io.estatedesk.staff;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The administrator's second way in: started with {@code --estatedesk.unlock=admin} (several names separated by
 * commas), the application lifts every sign-in lock of those accounts, from every address, before it serves anyone.
 */
@Component
@Order(1)
class SignInUnlock implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SignInUnlock.class);

	static final String PROPERTY = "estatedesk.unlock";

	private final SignInThrottle throttle;

	private final LoginAudit audit;

	private final StaffAccountRepository accounts;

	private final Environment environment;

	SignInUnlock(SignInThrottle throttle, LoginAudit audit, StaffAccountRepository accounts, Environment environment) {
		this.throttle = throttle;
		this.audit = audit;
		this.accounts = accounts;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<String> names = new ArrayList<>();
		List<String> given = args.getOptionValues(PROPERTY);
		if (given != null) {
			given.forEach(v -> names.addAll(List.of(v.split(","))));
		}
		else if (environment.getProperty(PROPERTY) != null) {
			names.addAll(List.of(environment.getProperty(PROPERTY).split(",")));
		}
		for (String raw : names) {
			String name = raw.strip();
			if (name.isEmpty()) {
				continue;
			}
			var account = accounts.findByUsername(name);
			if (account.isEmpty()) {
				log.warn("estatedesk.unlock: there is no account '{}'", name);
				continue;
			}
			int addresses = throttle.unlock(account.get().username);
			audit.unlocked(account.get().username, "estatedesk.unlock");
			log.warn("estatedesk.unlock: sign-in locks of '{}' lifted ({} address(es))", account.get().username, addresses);
		}
	}

}
