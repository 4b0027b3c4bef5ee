package io.estatedesk.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import io.estatedesk.estate.ArchiveLookup;
import io.estatedesk.estate.ProjectCreated;
import io.estatedesk.staff.DemoSignIn;
import io.estatedesk.staff.Permissions;
import io.estatedesk.staff.StaffManagement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The lifecycle module on its own: the estate module's {@link ProjectCreated} gives the new project the charter's
 * duty board, through the module listener once the project's transaction has committed. The other modules' beans
 * are stand-ins; the database is the real one.
 */
@ApplicationModuleTest
@TestPropertySource(properties = "estatedesk.database.data-dir=target/test-db/${random.uuid}")
class DutyBoardModuleTests {

	@MockitoBean
	ArchiveLookup archive;

	@MockitoBean
	Permissions permissions;

	@MockitoBean
	StaffManagement staff;

	@MockitoBean
	DemoSignIn signIn;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aCreatedProjectGetsTheCharterDutiesFromTheEvent(Scenario scenario) {
		long project = jdbc.queryForObject(
				"insert into project (name, address, developer_name) values (?, '测试地址', '金第房地产开发公司') returning id",
				Long.class, "模块测试" + UUID.randomUUID());
		scenario.publish(new ProjectCreated(project))
			.andWaitForStateChange(() -> items(project), n -> n > 0)
			.andVerify(n -> assertThat(n).isEqualTo(templates()));
		assertThat(jdbc.queryForObject("select count(*) from duty_item where project_id = ? and status = 'TODO'", Long.class,
				project)).isEqualTo(templates());
	}

	private long items(long project) {
		return jdbc.queryForObject("select count(*) from duty_item where project_id = ?", Long.class, project);
	}

	private long templates() {
		return jdbc.queryForObject("select count(*) from duty_template", Long.class);
	}

}
