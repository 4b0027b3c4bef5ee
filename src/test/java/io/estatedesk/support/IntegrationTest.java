package io.estatedesk.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * Starts the whole application on a random port with its own embedded PostgreSQL in a fresh directory under
 * {@code target/}, with MockMvc and {@link Fixtures}; contexts with the same configuration are shared between test classes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AutoConfigureMockMvc
@Import(Fixtures.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "estatedesk.database.data-dir=target/test-db/${random.uuid}",
		"estatedesk.admin-password=" + IntegrationTest.ADMIN_PASSWORD })
public @interface IntegrationTest {

	String ADMIN_PASSWORD = "admin-Test-1";

}
