package io.estatedesk.shared;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Offers the one business clock as the application's {@link Clock}. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	Clock clock() {
		return BusinessClock.INSTANCE;
	}

}
