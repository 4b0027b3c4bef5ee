package io.estatedesk.estate;

import java.io.ByteArrayOutputStream;
import java.util.List;

import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The importer keeps good rows, reports each bad one (row, column, reason) and never duplicates an owner. */
@IntegrationTest
class ArchiveImportIntegrationTests {

	@Autowired
	ArchiveImporter importer;

	@Autowired
	ImportJobs jobs;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	static byte[] xlsx(List<String> header, Object[]... rows) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook wb = new Workbook(out, "test", "1.0");
		Worksheet ws = wb.newWorksheet("Sheet1");
		for (int c = 0; c < header.size(); c++) {
			ws.value(0, c, header.get(c));
		}
		for (int r = 0; r < rows.length; r++) {
			for (int c = 0; c < rows[r].length; c++) {
				Object v = rows[r][c];
				if (v instanceof Number n) {
					ws.value(r + 1, c, n);
				}
				else if (v != null) {
					ws.value(r + 1, c, v.toString());
				}
			}
		}
		wb.finish();
		return out.toByteArray();
	}

	private ImportJobs.ImportJob run(byte[] content) {
		long id = importer.createJob("admin", "test.xlsx");
		importer.run(id, content);
		return jobs.get(id);
	}

	@Test
	void keepsGoodRowsAndReportsEachBadRowWithColumnAndReason() throws Exception {
		String project = Fixtures.unique("导入项目");
		fixtures.project(project);
		String id1 = Fixtures.idNumber("11010519850505001");
		byte[] file = xlsx(List.of("项目", "楼栋", "房号", "建筑面积", "房屋状态", "交房日期", "业主姓名", "性别", "手机号码", "证件号码", "签约日期"),
				new Object[] { project, "1号楼", "1-0101", 89.5, "已交房", "2025-06-30", "赵一", "男", "13800000001", id1, "2024-01-02" },
				// the same owner's second unit: one owner, two ownerships
				new Object[] { project, "1号楼", "1-0102", 120, "已入住", "2025-06-30", "赵一", "男", "13800000001", id1, "2024-01-02" },
				new Object[] { project, "2号楼", "2-0101", "abc", "已售", null, "钱二", "女", "12345", null, null },
				new Object[] { "不存在的项目", "1号楼", "9-9999", null, null, null, "孙三", null, null, null, null },
				new Object[] { project, "2号楼", "2-0102", null, "已售", "2025/7/1", "李四", "女", "010-62345678",
						"110105198505050012", "2024年3月5日" },
				new Object[] { project, "2号楼", "2-0103", null, "卖掉了", null, null, null, null, null, null });
		ImportJobs.ImportJob job = run(file);
		assertThat(job.status()).isEqualTo("DONE");
		assertThat(job.totalRows()).isEqualTo(6);
		assertThat(job.acceptedRows()).isEqualTo(2);
		assertThat(job.rejectedRows()).isEqualTo(4);
		List<ImportJobs.Rejection> rejections = jobs.rejections(job.id(), 100);
		assertThat(rejections).extracting(r -> r.rowNo() + "|" + r.column()).containsExactly("4|建筑面积", "4|手机号码", "5|项目",
				"6|证件号码", "7|房屋状态");
		assertThat(rejections.get(2).reason()).contains("不存在的项目").contains("不存在");
		assertThat(rejections.get(3).reason()).contains("校验位");
		assertThat(jdbc.queryForObject("select count(*) from owner where id_number = ?", Long.class, id1)).isEqualTo(1);
		assertThat(jdbc.queryForObject("""
				select count(*) from ownership s join owner o on o.id = s.owner_id where o.id_number = ? and s.active""", Long.class, id1))
			.isEqualTo(2);
		assertThat(jdbc.queryForObject("""
				select u.status || ' ' || u.handover_date from unit u join project p on p.id = u.project_id
				where p.name = ? and u.room_no = '1-0101'""", String.class, project)).isEqualTo("HANDED_OVER 2025-06-30");
		assertThat(jdbc.queryForObject("select count(*) from unit u join project p on p.id = u.project_id where p.name = ?",
				Long.class, project)).isEqualTo(2);
	}

	@Test
	void importingTheSameFileTwiceDoesNotDuplicateOwnersOrUnits() throws Exception {
		String project = Fixtures.unique("重复导入");
		fixtures.project(project);
		byte[] file = xlsx(List.of("项目名称", "楼号", "房间号", "姓名", "联系电话"),
				new Object[] { project, "5号楼", "5-0501", "周五", 13900000005L },
				new Object[] { project, "5号楼", "5-0502", "吴六", null });
		assertThat(run(file).acceptedRows()).isEqualTo(2);
		assertThat(run(file).acceptedRows()).isEqualTo(2);
		assertThat(jdbc.queryForObject("""
				select count(distinct o.id) from owner o join ownership s on s.owner_id = o.id join unit u on u.id = s.unit_id
				join project p on p.id = u.project_id where p.name = ?""", Long.class, project)).isEqualTo(2);
		assertThat(jdbc.queryForObject("select mobile from owner where name = '周五' order by id desc limit 1", String.class))
			.isEqualTo("13900000005");
	}

	@Test
	void aFileWithoutTheRequiredColumnsFailsWithAClearMessage() throws Exception {
		ImportJobs.ImportJob job = run(xlsx(List.of("姓名", "电话"), new Object[] { "张三", "13800000000" }));
		assertThat(job.status()).isEqualTo("FAILED");
		assertThat(job.failure()).contains("项目").contains("楼栋").contains("房号");
		ImportJobs.ImportJob garbage = run("not an excel file".getBytes());
		assertThat(garbage.status()).isEqualTo("FAILED");
		assertThat(garbage.failure()).contains("xlsx");
	}

	@Test
	void theRejectionReportIsAnXlsxWithRowColumnAndReason() throws Exception {
		String project = Fixtures.unique("报告");
		fixtures.project(project);
		ImportJobs.ImportJob job = run(xlsx(List.of("项目", "楼栋", "房号", "业主姓名", "性别"), new Object[] { project, "1号楼", "1-1", "郑七", "未知" }));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		jobs.report(job.id(), out);
		try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(out.toByteArray()));
				var rows = wb.getFirstSheet().openStream()) {
			List<String> lines = rows.map(r -> r.getCellText(0) + "|" + r.getCellText(1) + "|" + r.getCellText(2)).toList();
			assertThat(lines).containsExactly("行号|列|原因", "2|性别|应为“男”或“女”");
		}
	}

	@Test
	void anOwnershipWithoutContractDateStartsOnTheBusinessDayOfTheImport() throws Exception {
		String project = Fixtures.unique("无签约日期");
		fixtures.project(project);
		// 01:00 in Shanghai on 15 March is still 14 March in UTC
		io.estatedesk.shared.BusinessClock.setForTesting(java.time.Instant.parse("2026-03-14T17:00:00Z"), false);
		try {
			assertThat(run(xlsx(List.of("项目", "楼栋", "房号", "业主姓名"), new Object[] { project, "1号楼", "1-0101", "冯八" }))
				.acceptedRows()).isEqualTo(1);
		}
		finally {
			io.estatedesk.shared.BusinessClock.resetForTesting();
		}
		assertThat(jdbc.queryForObject("""
				select s.since from ownership s join unit u on u.id = s.unit_id join project p on p.id = u.project_id
				where p.name = ?""", java.time.LocalDate.class, project)).isEqualTo(java.time.LocalDate.of(2026, 3, 15));
	}

}
