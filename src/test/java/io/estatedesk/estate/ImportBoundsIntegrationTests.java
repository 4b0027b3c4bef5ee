package io.estatedesk.estate;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.estatedesk.shared.ImportLimits;
import io.estatedesk.support.Fixtures;
import io.estatedesk.support.Health;
import io.estatedesk.support.IntegrationTest;
import io.estatedesk.support.ZipBombs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A 1 MB file that expands to 1 GB, uploaded to the owner import page and API, is refused in Chinese at once; the
 * same file with a forged small size ends its job FAILED with the reason; the application answers health UP within
 * 5 seconds of either; and an Error inside a job ends it FAILED, never RUNNING.
 */
@IntegrationTest
class ImportBoundsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ImportJobs jobs;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	ImportJobWatch watch;

	@Autowired
	ImportLimits limits;

	@Autowired
	MessageSource messages;

	@LocalServerPort
	int port;

	private RequestPostProcessor importer(String username) {
		return SecurityMockMvcRequestPostProcessors.user(username)
			.authorities(List.of(new SimpleGrantedAuthority("ARCHIVE_VIEW"), new SimpleGrantedAuthority("ARCHIVE_IMPORT")));
	}

	private static MockMultipartFile file(byte[] content) {
		return new MockMultipartFile("file", "业主.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", content);
	}

	private void assertHealthyWithinFiveSeconds() {
		long ms = Health.millisUntilUp(port, Duration.ofSeconds(5));
		assertThat(ms).as("/actuator/health UP within 5 s of the refusal").isBetween(0L, 5000L);
	}

	private int jobCount() {
		return jdbc.queryForObject("select count(*) from import_job", Integer.class);
	}

	@Test
	void aGigabyteBombOnTheImportPageIsRefusedNextToTheFileFieldInSecondsWithoutAJob() throws Exception {
		String manager = fixtures.staffWithRole("MANAGER");
		int before = jobCount();
		long t0 = System.nanoTime();
		String error = (String) mvc.perform(multipart("/imports").file(file(ZipBombs.gigabyteCell())).with(importer(manager)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/imports"))
			.andExpect(flash().attribute("fileError", containsString("解压后超过 200 MB")))
			.andReturn()
			.getFlashMap()
			.get("fileError");
		assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(5000);
		assertHealthyWithinFiveSeconds();
		assertThat(jobCount()).isEqualTo(before);
		mvc.perform(get("/imports").with(importer(manager)).flashAttr("fileError", error))
			.andExpect(content().string(containsString("id=\"file-error\"")))
			.andExpect(content().string(containsString("文件已拒绝：解压后超过 200 MB 的上限")))
			// the limits are stated in the form
			.andExpect(content().string(containsString("文件限制：解压后不超过 200 MB，最多 200000 行数据")));
	}

	@Test
	void aGigabyteBombToTheApiIsA422WithAChineseDetail() throws Exception {
		String manager = fixtures.staffWithRole("MANAGER");
		mvc.perform(multipart("/api/v1/imports").file(file(ZipBombs.gigabyteCell())).with(httpBasic(manager, Fixtures.PASSWORD)))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.detail").value(startsWith("文件已拒绝：解压后超过 200 MB")))
			.andExpect(jsonPath("$.errors.file").exists());
		assertHealthyWithinFiveSeconds();
	}

	@Test
	void aBombWithAForgedSmallSizeEndsItsJobFailedWithTheReason() throws Exception {
		String manager = fixtures.staffWithRole("MANAGER");
		byte[] forged = ZipBombs.forgeDeclaredSize(ZipBombs.gigabyteCell(), ZipBombs.SHEET, 4096);

		String location = mvc.perform(multipart("/imports").file(file(forged)).with(importer(manager)).with(csrf()))
			.andExpect(redirectedUrlPattern("/imports/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long pageJob = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		ImportJobs.ImportJob job = finished(pageJob);
		assertThat(job.status()).isEqualTo("FAILED");
		assertThat(job.failure()).contains("大小与实际内容不符");
		assertHealthyWithinFiveSeconds();
		mvc.perform(get(location).with(importer(manager)))
			.andExpect(content().string(containsString("导入失败")))
			.andExpect(content().string(containsString("疑似被篡改")));

		String apiLocation = mvc.perform(multipart("/api/v1/imports").file(file(forged)).with(httpBasic(manager, Fixtures.PASSWORD)))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		long apiJob = Long.parseLong(apiLocation.substring(apiLocation.lastIndexOf('/') + 1));
		finished(apiJob);
		mvc.perform(get("/api/v1/imports/{id}", apiJob).with(httpBasic(manager, Fixtures.PASSWORD)))
			.andExpect(jsonPath("$.status").value("FAILED"))
			.andExpect(jsonPath("$.failure").value(containsString("疑似被篡改")));
		assertHealthyWithinFiveSeconds();
	}

	@Test
	void anErrorInsideAnImportJobEndsItFailedWithAReason() {
		ArchiveImporter failing = new ArchiveImporter(jdbc, tx, watch, limits, messages) {
			@Override
			List<SourceRow> read(byte[] content) {
				throw new OutOfMemoryError("a test's stand-in for a full heap");
			}
		};
		long id = failing.createJob("admin", "error.xlsx");
		assertThatThrownBy(() -> failing.run(id, new byte[0])).isInstanceOf(OutOfMemoryError.class);
		assertThat(jdbc.queryForObject("select failure_key from import_job where id = ?", String.class, id))
			.isEqualTo("import.failure.unexpected");
		// the reason is given in the reader's language
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		try {
			ImportJobs.ImportJob job = jobs.get(id);
			assertThat(job.status()).isEqualTo("FAILED");
			assertThat(job.failure()).isEqualTo("导入意外中止，请重新上传文件；如再次失败，请联系系统管理员。");
			assertThat(job.finishedAt()).isNotNull();
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
	}

	private ImportJobs.ImportJob finished(long id) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		ImportJobs.ImportJob job = jobs.get(id);
		while (!job.finished() && System.nanoTime() < deadline) {
			Thread.sleep(100);
			job = jobs.get(id);
		}
		assertThat(job.finished()).as("the job ends within 10 s").isTrue();
		return job;
	}

}
