package io.estatedesk.office;

import io.estatedesk.shared.BusinessClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
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

import io.estatedesk.shared.BoundedCsv;
import io.estatedesk.shared.BoundedWorkbook;
import io.estatedesk.shared.ChangedMeanwhile;
import io.estatedesk.shared.ImportLimits;
import io.estatedesk.shared.ImportRefused;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.NotFoundException;
import io.estatedesk.shared.StaffNotification;
import io.estatedesk.shared.Texts;
import io.estatedesk.shared.WorkCalendar;
import io.estatedesk.shared.WorkingTime;
import io.estatedesk.staff.Permissions;
import io.estatedesk.staff.StaffManagement;
import org.dhatim.fastexcel.reader.Row;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.estatedesk.office.Attendance.ImportResult;

/** The time clock's export (xlsx or csv) read into punches, each bounded by the import limits. */
@Service
class AttendanceImport {

	private final JdbcTemplate jdbc;

	private final Permissions permissions;

	private final StaffManagement staff;

	private final ImportLimits limits;

	AttendanceImport(JdbcTemplate jdbc, Permissions permissions, StaffManagement staff, ImportLimits limits) {
		this.jdbc = jdbc;
		this.permissions = permissions;
		this.staff = staff;
		this.limits = limits;
	}

	/**
	 * Imports the time clock's export: a row per punch with the staff member (用户名 or 姓名) and the time (打卡时间,
	 * e.g. 2026-11-02 08:56). The first row holds the headings; a punch already recorded is not added twice.
	 */
	@Transactional
	ImportResult importPunches(String fileName, byte[] content) throws IOException {
		require(Attendance.MANAGE);
		List<String[]> rows = fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".csv")
				? BoundedCsv.read(content, limits) : xlsx(content);
		if (rows.isEmpty()) {
			throw new InvalidInputException(Map.of("file", "attendance.import.empty"));
		}
		String[] head = rows.get(0);
		int who = -1;
		int when = -1;
		for (int i = 0; i < head.length; i++) {
			String h = head[i] == null ? "" : head[i].strip();
			if (who < 0 && (h.contains("用户名") || h.contains("账号") || h.contains("姓名") || h.equalsIgnoreCase("username"))) {
				who = i;
			}
			if (when < 0 && (h.contains("打卡时间") || h.contains("时间") || h.equalsIgnoreCase("time"))) {
				when = i;
			}
		}
		if (who < 0 || when < 0) {
			throw new InvalidInputException(Map.of("file", "attendance.import.headings"));
		}
		Map<String, Long> byName = new HashMap<>();
		staff.activeStaff().forEach(s -> {
			byName.put(s.username(), s.id());
			byName.putIfAbsent(s.displayName(), s.id());
		});
		List<String> rejected = new ArrayList<>();
		int added = 0;
		for (int r = 1; r < rows.size(); r++) {
			String[] row = rows.get(r);
			String name = cell(row, who);
			String time = cell(row, when);
			if (name.isEmpty() && time.isEmpty()) {
				continue;
			}
			Long staffId = byName.get(name);
			if (staffId == null) {
				rejected.add(Texts.zh("attendance.import.notStaff", r + 1, name));
				continue;
			}
			LocalDateTime at = parse(time);
			if (at == null) {
				rejected.add(Texts.zh("attendance.import.badTime", r + 1, time));
				continue;
			}
			added += jdbc.update("""
					insert into attendance_punch (staff_id, punched_at, source) values (?, ?, ?)
					on conflict (staff_id, punched_at) do nothing""", staffId,
					Timestamp.from(at.atZone(BusinessClock.ZONE).toInstant()), fileName == null ? "" : fileName);
		}
		return new ImportResult(rows.size() - 1, added, rejected);
	}

	private static String cell(String[] row, int i) {
		return i < row.length && row[i] != null ? row[i].strip() : "";
	}

	static LocalDateTime parse(String s) {
		String t = s.strip().replace('/', '-').replace('T', ' ');
		for (String pattern : new String[] { "yyyy-M-d H:mm:ss", "yyyy-M-d H:mm" }) {
			try {
				return LocalDateTime.parse(t, DateTimeFormatter.ofPattern(pattern));
			}
			catch (DateTimeParseException e) {
				// next pattern
			}
		}
		return null;
	}

	private List<String[]> xlsx(byte[] content) throws IOException {
		List<String[]> rows = new ArrayList<>();
		try (BoundedWorkbook wb = BoundedWorkbook.open(content, limits); Stream<Row> sheet = wb.rows()) {
			for (Row row : (Iterable<Row>) sheet::iterator) {
				String[] cells = new String[row.getCellCount()];
				for (int i = 0; i < cells.length; i++) {
					var c = row.getCell(i);
					if (c == null) {
						cells[i] = "";
					}
					else if (c.getType() == org.dhatim.fastexcel.reader.CellType.NUMBER && i > 0) {
						// a date-time cell: Excel's serial day number
						LocalDateTime at = row.getCellAsDate(i).orElse(null);
						cells[i] = at == null ? c.getRawValue() : at.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
					}
					else {
						cells[i] = c.getText();
					}
				}
				rows.add(cells);
			}
		}
		catch (ImportRefused e) {
			if (e.getMessage().equals("imports.refused.unreadable")) {
				throw new InvalidInputException(Map.of("file", "attendance.import.unreadable"));
			}
			throw e;
		}
		catch (IOException | RuntimeException e) {
			throw new InvalidInputException(Map.of("file", "attendance.import.unreadable"));
		}
		return rows;
	}

	private void require(String permission) {
		if (!permissions.has(permission)) {
			throw new AccessDeniedException(permission);
		}
	}

}
