package io.estatedesk.shared;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** UI text: Chinese ({@code messages_zh_CN}) unless English is chosen; never the server's own locale. */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

	@Bean
	MessageSource messageSource() {
		return Texts.source();
	}

}
