package io.estatedesk.office;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.estatedesk.support.Fixtures;
import io.estatedesk.support.Health;
import io.estatedesk.support.IntegrationTest;
import io.estatedesk.support.ZipBombs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The attendance punch import, which reads inside the request, refuses a gigabyte bomb, its forged-size variant and
 * a csv with an absurd line in Chinese within seconds, on the page next to the file field and in the API as a 422,
 * and the application answers health UP within 5 seconds.
 */
@IntegrationTest
class AttendanceImportBoundsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@LocalServerPort
	int port;

	private static RequestPostProcessor manager(String username) {
		return SecurityMockMvcRequestPostProcessors.user(username)
			.authorities(List.of(new SimpleGrantedAuthority("ATTENDANCE_VIEW"), new SimpleGrantedAuthority("ATTENDANCE_MANAGE")));
	}

	private void assertHealthyWithinFiveSeconds() {
		assertThat(Health.millisUntilUp(port, Duration.ofSeconds(5))).as("/actuator/health UP within 5 s").isBetween(0L, 5000L);
	}

	private static MockMultipartFile xlsx(byte[] content) {
		return new MockMultipartFile("file", "打卡.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
				content);
	}

	private static byte[] absurdCsv(String clerk) {
		return ("用户名,打卡时间\n" + clerk + ",2026-09-01 08:58" + " ".repeat(20_000_000) + "\n").getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void bombsAndAnAbsurdCsvLineOnTheAttendancePageAreRefusedNextToTheFileField() throws Exception {
		String manager = fixtures.staffWithRole("MANAGER");
		long t0 = System.nanoTime();
		mvc.perform(multipart("/attendance/import").file(xlsx(ZipBombs.gigabyteCell())).with(manager(manager)).with(csrf()))
			.andExpect(redirectedUrl("/attendance"))
			.andExpect(flash().attribute("fileError", containsString("解压后超过 200 MB")));
		mvc.perform(multipart("/attendance/import")
			.file(xlsx(ZipBombs.forgeDeclaredSize(ZipBombs.gigabyteCell(), ZipBombs.SHEET, 4096)))
			.with(manager(manager))
			.with(csrf())).andExpect(flash().attribute("fileError", containsString("疑似被篡改")));
		mvc.perform(multipart("/attendance/import")
			.file(new MockMultipartFile("file", "打卡.csv", "text/csv", absurdCsv(manager)))
			.with(manager(manager))
			.with(csrf())).andExpect(flash().attribute("fileError", containsString("第 2 行超过 100000 个字符")));
		assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(5000);
		assertHealthyWithinFiveSeconds();
		mvc.perform(get("/attendance").with(manager(manager)).flashAttr("fileError", "文件已拒绝：测试"))
			.andExpect(content().string(containsString("id=\"punch-file-error\"")))
			.andExpect(content().string(containsString("文件已拒绝：测试")))
			.andExpect(content().string(containsString("csv 每行最多 100000 个字符")));
	}

	@Test
	void bombsAndAnAbsurdCsvLineToTheApiAre422WithAChineseDetail() throws Exception {
		String manager = fixtures.staffWithRole("MANAGER");
		mvc.perform(multipart("/api/v1/attendance/punches").file(xlsx(ZipBombs.gigabyteCell()))
			.with(httpBasic(manager, Fixtures.PASSWORD)))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.detail").value(startsWith("文件已拒绝：解压后超过 200 MB")));
		mvc.perform(multipart("/api/v1/attendance/punches")
			.file(xlsx(ZipBombs.forgeDeclaredSize(ZipBombs.gigabyteCell(), ZipBombs.SHEET, 4096)))
			.with(httpBasic(manager, Fixtures.PASSWORD)))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.detail").value(containsString("疑似被篡改")));
		mvc.perform(multipart("/api/v1/attendance/punches")
			.file(new MockMultipartFile("file", "打卡.csv", "text/csv", absurdCsv(manager)))
			.with(httpBasic(manager, Fixtures.PASSWORD)))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.detail").value(containsString("第 2 行超过 100000 个字符")));
		assertHealthyWithinFiveSeconds();
	}

}
