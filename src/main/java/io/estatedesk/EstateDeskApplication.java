package io.estatedesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * EstateDesk (地产客服管理系统): the working system of a real-estate developer's customer service department.
 */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
@EnableAsync
@EnableScheduling
public class EstateDeskApplication {

	public static void main(String[] args) {
		SpringApplication.run(EstateDeskApplication.class, args);
	}

}
