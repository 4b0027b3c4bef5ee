package io.estatedesk.estate;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.estatedesk.shared.BoundedWorkbook;
import io.estatedesk.shared.BusinessClock;
import io.estatedesk.shared.ImportLimits;
import io.estatedesk.shared.ImportRefused;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports units and owners from an xlsx as a sales system exports it. Every row is checked; rows with errors are
 * skipped and reported (row, column, reason), all other rows are kept. Progress is written to the job as it goes.
 *
 * <p>Longer than the house's ~400 lines on purpose: the streamed read of the sheet, the checks of a row and its
 * write share one import session (the projects, buildings and owners already met, the counts), and the columns'
 * checks read best next to the writes they guard. Split it when a second import format arrives.
 */
@Component
class ArchiveImporter {

	private static final Logger log = LoggerFactory.getLogger(ArchiveImporter.class);

	private static final int CHUNK = 500;

	/** Column headings accepted for each template column, as sales systems name them differently. */
	private static final Map<String, List<String>> SYNONYMS = Map.ofEntries(Map.entry("项目", List.of("项目名称", "楼盘", "小区")),
			Map.entry("楼栋", List.of("楼号", "栋号", "楼栋号", "楼座")), Map.entry("房号", List.of("房间号", "单元房号", "房屋编号")),
			Map.entry("楼层", List.of("所在楼层")), Map.entry("建筑面积", List.of("面积", "建筑面积(㎡)", "建筑面积（㎡）")),
			Map.entry("户型", List.of("房型")), Map.entry("房屋状态", List.of("状态")), Map.entry("交房日期", List.of("交付日期")),
			Map.entry("业主姓名", List.of("姓名", "客户姓名", "业主", "购房人")), Map.entry("性别", List.of()),
			Map.entry("手机号码", List.of("手机", "联系电话", "电话", "手机号")), Map.entry("其他电话", List.of("备用电话", "固定电话")),
			Map.entry("证件类型", List.of()), Map.entry("证件号码", List.of("身份证号", "身份证号码", "证件号")),
			Map.entry("签约日期", List.of("购房日期", "合同日期", "网签日期")), Map.entry("标签", List.of()), Map.entry("备注", List.of()));

	private static final List<DateTimeFormatter> DATE_FORMATS = java.util.stream.Stream
		.of("uuuu-M-d", "uuuu/M/d", "uuuu.M.d", "uuuu年M月d日", "uuuuMMdd")
		.map(p -> DateTimeFormatter.ofPattern(p).withResolverStyle(java.time.format.ResolverStyle.STRICT))
		.toList();

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final ImportJobWatch watch;

	private final ImportLimits limits;

	private final MessageSource messages;

	ArchiveImporter(JdbcTemplate jdbc, TransactionTemplate tx, ImportJobWatch watch, ImportLimits limits,
			MessageSource messages) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.watch = watch;
		this.limits = limits;
		this.messages = messages;
	}

	/**
	 * Records a running job claimed by this node, whose heartbeat this node keeps from now until {@link #run} ends (also
	 * while it waits for a thread), so that only a job whose node stopped is taken for lost.
	 */
	long createJob(String username, String fileName) {
		Timestamp now = Timestamp.from(BusinessClock.now());
		long id = jdbc.queryForObject("""
				insert into import_job (username, file_name, status, node_id, started_at, heartbeat_at)
				values (?, ?, 'RUNNING', ?, ?, ?) returning id""", Long.class, username,
				fileName.length() > 200 ? fileName.substring(0, 200) : fileName, watch.nodeId(), now, now);
		watch.started(id);
		return id;
	}

	@Async
	public void runAsync(long jobId, byte[] content) {
		run(jobId, content);
	}

	/** A job created but never run on this node (its thread could not be had): failed at once, not left to the sweep. */
	void abandon(long jobId) {
		try {
			jdbc.update("""
					update import_job set status = 'FAILED', failure_key = 'import.failure.notStarted', finished_at = ?
					where id = ? and status = 'RUNNING'""", Timestamp.from(BusinessClock.now()), jobId);
		}
		finally {
			watch.ended(jobId);
		}
	}

	void run(long jobId, byte[] content) {
		try {
			List<SourceRow> rows = read(content);
			progress("update import_job set total_rows = ? where id = ? and status = 'RUNNING'", rows.size(), jobId);
			Session session = new Session(jobId);
			for (int from = 0; from < rows.size(); from += CHUNK) {
				List<SourceRow> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
				processChunk(session, chunk);
				progress("""
						update import_job set processed_rows = ?, accepted_rows = ?, rejected_rows = ?
						where id = ? and status = 'RUNNING'""", Math.min(rows.size(), from + CHUNK), session.accepted,
						session.rejected, jobId);
			}
			progress("update import_job set status = 'DONE', finished_at = ? where id = ? and status = 'RUNNING'",
					Timestamp.from(BusinessClock.now()), jobId);
		}
		catch (NoLongerRunning e) {
			log.warn("Import {} stopped: it was marked failed meanwhile (no heartbeat was seen in time)", jobId);
		}
		catch (HeaderException e) {
			fail(jobId, e.getMessage());
		}
		catch (ImportRefused e) {
			log.warn("Import {} refused: {}", jobId, e.describe(messages, Locale.ENGLISH));
			fail(jobId, e.describe(messages, Locale.SIMPLIFIED_CHINESE));
		}
		catch (IOException | RuntimeException e) {
			log.warn("Import {} failed", jobId, e);
			fail(jobId, "文件无法读取，请确认是 Excel（.xlsx）文件。");
		}
		catch (Error e) {
			// even an OutOfMemoryError or a StackOverflowError ends the job: it must never stay RUNNING
			log.error("Import {} stopped by an error", jobId, e);
			failUnexpectedly(jobId);
			throw e;
		}
		finally {
			watch.ended(jobId);
		}
	}

	/** Thrown when the job is no longer RUNNING: the sweep gave it up, and the user was told to upload the file again. */
	private static final class NoLongerRunning extends RuntimeException {

		NoLongerRunning() {
			super(null, null, false, false);
		}

	}

	private void progress(String sql, Object... args) {
		if (jdbc.update(sql, args) == 0) {
			throw new NoLongerRunning();
		}
	}

	private void failUnexpectedly(long jobId) {
		try {
			jdbc.update("""
					update import_job set status = 'FAILED', failure_key = 'import.failure.unexpected', failure = null,
					  finished_at = ? where id = ? and status = 'RUNNING'""", Timestamp.from(BusinessClock.now()), jobId);
		}
		catch (RuntimeException | Error e) {
			log.error("Import {} could not be marked failed; the sweep will fail it", jobId, e);
		}
	}

	private void fail(long jobId, String message) {
		jdbc.update("update import_job set status = 'FAILED', failure = ?, finished_at = ? where id = ? and status = 'RUNNING'",
				message, Timestamp.from(BusinessClock.now()), jobId);
	}

	/** A data row of the sheet: its 1-based row number as Excel shows it, and its values by template column. */
	record SourceRow(int rowNo, Map<String, String> values) {

		String get(String column) {
			String v = values.get(column);
			return v == null || v.isBlank() ? null : v.strip();
		}

	}

	static class HeaderException extends RuntimeException {

		HeaderException(String message) {
			super(message);
		}

	}

	List<SourceRow> read(byte[] content) throws IOException {
		try (BoundedWorkbook wb = BoundedWorkbook.open(content, limits); Stream<Row> stream = wb.rows()) {
			List<SourceRow> rows = new ArrayList<>();
			Map<Integer, String> columns = null;
			for (Row row : (Iterable<Row>) stream::iterator) {
				if (columns == null) {
					columns = headings(row);
					continue;
				}
				Map<String, String> values = new HashMap<>();
				boolean any = false;
				for (Map.Entry<Integer, String> col : columns.entrySet()) {
					String v = col.getKey() < row.getCellCount() ? text(row.getCell(col.getKey()), isDateColumn(col.getValue())) : null;
					if (v != null && !v.isBlank()) {
						values.put(col.getValue(), v);
						any = true;
					}
				}
				if (any) {
					rows.add(new SourceRow(row.getRowNum(), values));
				}
			}
			if (columns == null) {
				throw new HeaderException("文件是空的：第一行应为列标题（项目、楼栋、房号、业主姓名……）。");
			}
			return rows;
		}
	}

	private static boolean isDateColumn(String column) {
		return column.endsWith("日期");
	}

	private static Map<Integer, String> headings(Row row) {
		Map<Integer, String> columns = new LinkedHashMap<>();
		for (int i = 0; i < row.getCellCount(); i++) {
			Cell c = row.getCell(i);
			String h = c == null ? null : c.getText();
			if (h == null) {
				continue;
			}
			String heading = h.strip().replace(" ", "");
			for (String column : ArchiveSheets.IMPORT_COLUMNS) {
				if (column.equals(heading) || SYNONYMS.getOrDefault(column, List.of()).contains(heading)) {
					columns.putIfAbsent(i, column);
				}
			}
		}
		List<String> missing = Stream.of("项目", "楼栋", "房号").filter(c -> !columns.containsValue(c)).toList();
		if (!missing.isEmpty()) {
			throw new HeaderException("第一行缺少必需的列：" + String.join("、", missing) + "。请使用“下载模板”中的列标题。");
		}
		return columns;
	}

	private static String text(Cell cell, boolean date) {
		if (cell == null || cell.getType() == CellType.EMPTY) {
			return null;
		}
		if (cell.getType() == CellType.NUMBER) {
			BigDecimal n = cell.asNumber();
			if (date && n.compareTo(BigDecimal.valueOf(20000)) > 0 && n.compareTo(BigDecimal.valueOf(80000)) < 0) {
				// an Excel date serial number
				return LocalDate.of(1899, 12, 30).plusDays(n.longValue()).toString();
			}
			return n.stripTrailingZeros().toPlainString();
		}
		return cell.getText();
	}

	/** State kept across the chunks of one job: what has been looked up or created already. */
	private final class Session {

		final long jobId;

		int accepted;

		int rejected;

		final Map<String, Long> projects = new HashMap<>();

		final Map<String, Long> buildings = new HashMap<>();

		final Map<String, Long> units = new HashMap<>();

		final Map<String, Long> owners = new HashMap<>();

		Session(long jobId) {
			this.jobId = jobId;
		}

	}

	private record Problem(String column, String reason) {
	}

	private void processChunk(Session s, List<SourceRow> chunk) {
		List<SourceRow> good = new ArrayList<>();
		List<Object[]> rejections = new ArrayList<>();
		for (SourceRow row : chunk) {
			List<Problem> problems = check(s, row);
			if (problems.isEmpty()) {
				good.add(row);
			}
			else {
				s.rejected++;
				problems.forEach(p -> rejections.add(new Object[] { s.jobId, row.rowNo(), p.column(), p.reason() }));
			}
		}
		Map<String, Long> buildingsBefore = new HashMap<>(s.buildings);
		Map<String, Long> unitsBefore = new HashMap<>(s.units);
		Map<String, Long> ownersBefore = new HashMap<>(s.owners);
		try {
			tx.executeWithoutResult(t -> {
				for (SourceRow row : good) {
					write(s, row);
				}
			});
			s.accepted += good.size();
		}
		catch (RuntimeException e) {
			// A database error in one row must not cost the others: forget what the failed transaction created
			// and redo the chunk one row per transaction.
			s.buildings.clear();
			s.buildings.putAll(buildingsBefore);
			s.units.clear();
			s.units.putAll(unitsBefore);
			s.owners.clear();
			s.owners.putAll(ownersBefore);
			for (SourceRow row : good) {
				try {
					tx.executeWithoutResult(t -> write(s, row));
					s.accepted++;
				}
				catch (RuntimeException rowError) {
					log.debug("Import row {} failed", row.rowNo(), rowError);
					s.rejected++;
					rejections.add(new Object[] { s.jobId, row.rowNo(), "—", "保存失败：数据与已有记录冲突" });
					s.buildings.clear();
					s.buildings.putAll(buildingsBefore);
					s.units.clear();
					s.units.putAll(unitsBefore);
					s.owners.clear();
					s.owners.putAll(ownersBefore);
				}
			}
		}
		if (!rejections.isEmpty()) {
			jdbc.batchUpdate("insert into import_rejection (job_id, row_no, column_name, reason) values (?, ?, ?, ?)",
					rejections);
		}
	}

	private List<Problem> check(Session s, SourceRow row) {
		List<Problem> p = new ArrayList<>();
		String project = row.get("项目");
		if (project == null) {
			p.add(new Problem("项目", "必填"));
		}
		else if (projectId(s, project).isEmpty()) {
			p.add(new Problem("项目", "项目“" + project + "”不存在，请先在“项目”中建立"));
		}
		if (row.get("楼栋") == null) {
			p.add(new Problem("楼栋", "必填"));
		}
		else if (row.get("楼栋").length() > 60) {
			p.add(new Problem("楼栋", "不能超过60个字"));
		}
		if (row.get("房号") == null) {
			p.add(new Problem("房号", "必填"));
		}
		else if (row.get("房号").length() > 30) {
			p.add(new Problem("房号", "不能超过30个字"));
		}
		if (row.get("楼层") != null && !row.get("楼层").matches("-?\\d{1,3}")) {
			p.add(new Problem("楼层", "应为整数，如 12"));
		}
		if (row.get("建筑面积") != null) {
			try {
				BigDecimal a = new BigDecimal(row.get("建筑面积"));
				if (a.signum() <= 0 || a.compareTo(BigDecimal.valueOf(100000)) > 0) {
					p.add(new Problem("建筑面积", "应为大于0的面积（平方米）"));
				}
			}
			catch (NumberFormatException e) {
				p.add(new Problem("建筑面积", "应为数字，如 89.50"));
			}
		}
		if (row.get("房屋状态") != null && ArchiveSheets.statusOf(row.get("房屋状态")) == null) {
			p.add(new Problem("房屋状态", "应为：未售、已售、已交房、已入住、出租、空置之一"));
		}
		if (row.get("户型") != null && row.get("户型").length() > 40) {
			p.add(new Problem("户型", "不能超过40个字"));
		}
		checkDate(row, "交房日期", p);
		checkDate(row, "签约日期", p);
		boolean hasOwnerData = Stream.of("性别", "手机号码", "其他电话", "证件类型", "证件号码", "签约日期")
			.anyMatch(c -> row.get(c) != null);
		String name = row.get("业主姓名");
		if (name == null && hasOwnerData) {
			p.add(new Problem("业主姓名", "填写了业主信息时姓名必填"));
		}
		if (name != null && name.length() > 60) {
			p.add(new Problem("业主姓名", "不能超过60个字"));
		}
		if (OwnerRules.checkGender(row.get("性别")) != null) {
			p.add(new Problem("性别", "应为“男”或“女”"));
		}
		if (OwnerRules.checkPhone(OwnerRules.normalizePhone(row.get("手机号码"))) != null) {
			p.add(new Problem("手机号码", "号码格式不正确（手机11位，固话如010-12345678）"));
		}
		if (OwnerRules.checkPhone(OwnerRules.normalizePhone(row.get("其他电话"))) != null) {
			p.add(new Problem("其他电话", "号码格式不正确（手机11位，固话如010-12345678）"));
		}
		String idType = row.get("证件类型") == null && row.get("证件号码") != null ? OwnerRules.ID_CARD : row.get("证件类型");
		if (OwnerRules.checkIdType(idType) != null) {
			p.add(new Problem("证件类型", "应为：" + String.join("、", OwnerRules.ID_TYPES) + "之一"));
		}
		else {
			String idError = OwnerRules.checkIdNumber(idType, OwnerRules.normalizeId(row.get("证件号码")));
			if (idError != null) {
				p.add(new Problem("证件号码", switch (idError) {
					case "owner.idNumber.format" -> "身份证号码应为18位（末位可为X）";
					case "owner.idNumber.checksum" -> "身份证号码校验位不正确，请核对";
					default -> "证件号码不正确";
				}));
			}
		}
		if (row.get("标签") != null && row.get("标签").length() > 200) {
			p.add(new Problem("标签", "不能超过200个字"));
		}
		return p;
	}

	private static void checkDate(SourceRow row, String column, List<Problem> p) {
		String v = row.get(column);
		if (v != null && parseDate(v) == null) {
			p.add(new Problem(column, "日期格式不正确，应如 2025-06-30"));
		}
	}

	static LocalDate parseDate(String v) {
		if (v == null) {
			return null;
		}
		String t = v.strip();
		if (t.length() > 10 && t.charAt(10) == ' ') {
			t = t.substring(0, 10);
		}
		for (DateTimeFormatter f : DATE_FORMATS) {
			try {
				LocalDate d = LocalDate.parse(t, f);
				return d.getYear() >= 1900 && d.getYear() <= 2100 ? d : null;
			}
			catch (DateTimeParseException e) {
				// try the next format
			}
		}
		return null;
	}

	private Optional<Long> projectId(Session s, String name) {
		Long id = s.projects.get(name);
		if (id == null) {
			id = jdbc.queryForList("select id from project where name = ?", Long.class, name).stream().findFirst().orElse(null);
			if (id == null) {
				return Optional.empty();
			}
			s.projects.put(name, id);
			long projectId = id;
			jdbc.query("select b.id, b.name from building b where b.project_id = ?",
					rs -> {
						s.buildings.put(projectId + "|" + rs.getString("name"), rs.getLong("id"));
					}, projectId);
			jdbc.query("select u.id, u.building_id, u.room_no from unit u where u.project_id = ?",
					rs -> {
						s.units.put(rs.getLong("building_id") + "|" + rs.getString("room_no"), rs.getLong("id"));
					}, projectId);
		}
		return Optional.of(id);
	}

	private void write(Session s, SourceRow row) {
		long projectId = projectId(s, row.get("项目")).orElseThrow();
		String buildingKey = projectId + "|" + row.get("楼栋");
		Long buildingId = s.buildings.get(buildingKey);
		if (buildingId == null) {
			buildingId = jdbc.queryForObject("insert into building (project_id, name) values (?, ?) returning id", Long.class,
					projectId, row.get("楼栋"));
			s.buildings.put(buildingKey, buildingId);
		}
		UnitStatus status = row.get("房屋状态") == null ? null : ArchiveSheets.statusOf(row.get("房屋状态"));
		BigDecimal area = row.get("建筑面积") == null ? null : new BigDecimal(row.get("建筑面积"));
		Integer floor = row.get("楼层") == null ? null : Integer.valueOf(row.get("楼层"));
		Date handover = sqlDate(parseDate(row.get("交房日期")));
		String unitKey = buildingId + "|" + row.get("房号");
		Long unitId = s.units.get(unitKey);
		String name = row.get("业主姓名");
		if (unitId == null) {
			UnitStatus initial = status != null ? status : name != null ? UnitStatus.SOLD : UnitStatus.UNSOLD;
			unitId = jdbc.queryForObject("""
					insert into unit (project_id, building_id, room_no, floor, area, unit_type, status, handover_date)
					values (?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, projectId, buildingId, row.get("房号"), floor,
					area, nz(row.get("户型")), initial.name(), handover);
			s.units.put(unitKey, unitId);
		}
		else {
			jdbc.update("""
					update unit set floor = coalesce(?, floor), area = coalesce(?, area), unit_type = coalesce(?, unit_type),
					  status = coalesce(?, status), handover_date = coalesce(?, handover_date), version = version + 1
					where id = ?""", floor, area, row.get("户型"), status == null ? null : status.name(), handover, unitId);
		}
		if (name == null) {
			return;
		}
		String mobile = OwnerRules.normalizePhone(row.get("手机号码"));
		String idNumber = OwnerRules.normalizeId(row.get("证件号码"));
		String idType = idNumber == null ? row.get("证件类型") : row.get("证件类型") == null ? OwnerRules.ID_CARD : row.get("证件类型");
		String ownerKey = idNumber != null ? "id|" + idNumber : "nm|" + name + "|" + (mobile == null ? "" : mobile);
		Long ownerId = s.owners.get(ownerKey);
		if (ownerId == null) {
			ownerId = idNumber != null
					? jdbc.queryForList("select id from owner where id_number = ? order by id limit 1", Long.class, idNumber)
						.stream().findFirst().orElse(null)
					: jdbc.queryForList("select id from owner where name = ? and coalesce(mobile, '') = ? order by id limit 1",
							Long.class, name, mobile == null ? "" : mobile).stream().findFirst().orElse(null);
		}
		if (ownerId == null) {
			ownerId = jdbc.queryForObject("""
					insert into owner (name, gender, mobile, other_phone, id_type, id_number, tags, notes)
					values (?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, name, row.get("性别"), mobile,
					OwnerRules.normalizePhone(row.get("其他电话")), idType, idNumber, OwnerRules.normalizeTags(row.get("标签")),
					nz(row.get("备注")));
		}
		s.owners.put(ownerKey, ownerId);
		Date contract = sqlDate(parseDate(row.get("签约日期")));
		int updated = jdbc.update("update ownership set contract_date = coalesce(?, contract_date) where owner_id = ? and unit_id = ? and active",
				contract, ownerId, unitId);
		if (updated == 0) {
			// without a contract date the ownership starts on the business day of the import, not the server's date
			jdbc.update("insert into ownership (owner_id, unit_id, contract_date, since) values (?, ?, ?, ?)", ownerId, unitId,
					contract, contract != null ? contract : Date.valueOf(BusinessClock.today()));
		}
	}

	private static Date sqlDate(LocalDate d) {
		return d == null ? null : Date.valueOf(d);
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

}
