package io.estatedesk.estate;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.estatedesk.shared.Masking;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/** Writes the archive's xlsx files (template, exports, import reports) row by row, in constant memory. */
@Component
class ArchiveSheets {

	/** The import template's columns, in order; an export of units uses the same ones so it can be re-imported. */
	static final List<String> IMPORT_COLUMNS = List.of("项目", "楼栋", "房号", "楼层", "建筑面积", "户型", "房屋状态", "交房日期",
			"业主姓名", "性别", "手机号码", "其他电话", "证件类型", "证件号码", "签约日期", "标签", "备注");

	static final List<String> OWNER_COLUMNS = List.of("业主编号", "业主姓名", "性别", "手机号码", "其他电话", "证件类型", "证件号码",
			"房屋", "签约日期", "交房日期", "标签", "备注");

	static final List<String> UNIT_COLUMNS = List.of("项目", "楼栋", "房号", "楼层", "建筑面积", "户型", "房屋状态", "交房日期", "业主");

	static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

	private final ArchiveQueries queries;

	ArchiveSheets(ArchiveQueries queries) {
		this.queries = queries;
	}

	static String statusLabel(UnitStatus s) {
		return switch (s) {
			case UNSOLD -> "未售";
			case SOLD -> "已售";
			case HANDED_OVER -> "已交房";
			case OCCUPIED -> "已入住";
			case RENTED -> "出租";
			case VACANT -> "空置";
		};
	}

	static UnitStatus statusOf(String label) {
		for (UnitStatus s : UnitStatus.values()) {
			if (statusLabel(s).equals(label) || s.name().equalsIgnoreCase(label)) {
				return s;
			}
		}
		return null;
	}

	void template(OutputStream out) throws IOException {
		Workbook wb = new Workbook(out, "EstateDesk", "1.0");
		Worksheet ws = wb.newWorksheet("业主档案");
		header(ws, IMPORT_COLUMNS);
		Object[] example = { "金第家园", "1号楼", "1-0101", 1, new BigDecimal("89.50"), "两室一厅", "已交房", "2025-06-30", "张三",
				"男", "13800001234", "", "居民身份证", OwnerRules.withCheckDigit("11010119900307123"), "2024-09-15", "VIP", "示例行，导入前请删除" };
		for (int c = 0; c < example.length; c++) {
			value(ws, 1, c, example[c]);
		}
		Worksheet help = wb.newWorksheet("填写说明");
		String[] lines = { "必填：项目、楼栋、房号、业主姓名（只导入房屋时可不填业主）。项目须已在系统中建立；楼栋不存在时自动建立。",
				"房屋状态：未售、已售、已交房、已入住、出租、空置。日期格式：2025-06-30。", "性别：男、女。证件类型：" + String.join("、", OwnerRules.ID_TYPES) + "。",
				"居民身份证号码会校验校验位；手机号码为11位，固定电话如 010-12345678。", "同一业主有多套房屋时，每套房屋一行；以证件号码（无则以姓名加手机号码）识别同一业主。",
				"导入规则：有错误的行不导入，并列入错误报告（行号、列、原因）；其余正确的行照常导入。" };
		for (int i = 0; i < lines.length; i++) {
			help.value(i, 0, lines[i]);
		}
		help.width(0, 120);
		wb.finish();
	}

	void owners(OutputStream out, OwnerFilter filter, boolean full) throws IOException {
		Workbook wb = new Workbook(out, "EstateDesk", "1.0");
		Worksheet ws = wb.newWorksheet("业主");
		header(ws, OWNER_COLUMNS);
		int[] row = { 1 };
		queries.eachOwner(filter, (RowCallbackHandler) rs -> {
			int r = row[0]++;
			String mobile = rs.getString("mobile");
			String other = rs.getString("other_phone");
			String id = rs.getString("id_number");
			Object[] v = { rs.getLong("id"), rs.getString("name"), rs.getString("gender"), full ? mobile : Masking.phone(mobile),
					full ? other : Masking.phone(other), rs.getString("id_type"), full ? id : Masking.idNumber(id),
					rs.getString("units"), ArchiveQueries.date(rs, "contract_date"), ArchiveQueries.date(rs, "handover_date"),
					rs.getString("tags"), rs.getString("notes") };
			for (int c = 0; c < v.length; c++) {
				value(ws, r, c, v[c]);
			}
			if (r % 1000 == 0) {
				flush(ws);
			}
		});
		wb.finish();
	}

	void units(OutputStream out, OwnerFilter filter) throws IOException {
		Workbook wb = new Workbook(out, "EstateDesk", "1.0");
		Worksheet ws = wb.newWorksheet("房屋");
		header(ws, UNIT_COLUMNS);
		int[] row = { 1 };
		queries.eachUnit(filter, (RowCallbackHandler) rs -> {
			int r = row[0]++;
			Views.UnitView u = ArchiveQueries.unit(rs);
			Object[] v = { u.projectName(), u.buildingName(), u.roomNo(), u.floor(), u.area(), u.unitType(),
					statusLabel(u.status()), u.handoverDate(), u.owners() };
			for (int c = 0; c < v.length; c++) {
				value(ws, r, c, v[c]);
			}
			if (r % 1000 == 0) {
				flush(ws);
			}
		});
		wb.finish();
	}

	void rejections(OutputStream out, long jobId, RowSource rows) throws IOException {
		Workbook wb = new Workbook(out, "EstateDesk", "1.0");
		Worksheet ws = wb.newWorksheet("错误报告");
		header(ws, List.of("行号", "列", "原因"));
		int[] row = { 1 };
		rows.each(jobId, (rowNo, column, reason) -> {
			int r = row[0]++;
			ws.value(r, 0, rowNo);
			ws.value(r, 1, column);
			ws.value(r, 2, reason);
		});
		ws.width(2, 60);
		wb.finish();
	}

	interface RowSource {

		void each(long jobId, RejectionConsumer consumer);

	}

	interface RejectionConsumer {

		void accept(int rowNo, String column, String reason);

	}

	private static void header(Worksheet ws, List<String> columns) {
		for (int c = 0; c < columns.size(); c++) {
			ws.value(0, c, columns.get(c));
			ws.style(0, c).bold().fillColor("DDEBF7").set();
			ws.width(c, 14);
		}
	}

	private static void value(Worksheet ws, int r, int c, Object v) {
		if (v == null) {
			return;
		}
		if (v instanceof Number n) {
			ws.value(r, c, n);
		}
		else if (v instanceof LocalDate d) {
			ws.value(r, c, d.format(DATE));
		}
		else {
			ws.value(r, c, v.toString());
		}
	}

	private static void flush(Worksheet ws) {
		try {
			ws.flush();
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

}
