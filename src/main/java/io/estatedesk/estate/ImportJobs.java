package io.estatedesk.estate;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.estatedesk.shared.BoundedWorkbook;
import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.ImportLimits;
import io.estatedesk.shared.NotFoundException;
import io.estatedesk.staff.AuditTrail;
import io.estatedesk.staff.Permissions;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/** Starting imports and reading their progress and rejected rows; shared by the page and the API. */
@Service
class ImportJobs {

	record ImportJob(long id, String username, String fileName, String status, int totalRows, int processedRows,
			int acceptedRows, int rejectedRows, String failure, Instant startedAt, Instant finishedAt) {

		public int percent() {
			return "DONE".equals(status) ? 100 : totalRows == 0 ? 0 : (int) (processedRows * 100L / totalRows);
		}

		public boolean finished() {
			return !"RUNNING".equals(status);
		}
	}

	private final JdbcTemplate jdbc;

	private final ArchiveImporter importer;

	private final ArchiveSheets sheets;

	private final AuditTrail audit;

	private final Permissions permissions;

	private final MessageSource messages;

	private final ImportLimits limits;

	ImportJobs(JdbcTemplate jdbc, ArchiveImporter importer, ArchiveSheets sheets, AuditTrail audit, Permissions permissions,
			MessageSource messages, ImportLimits limits) {
		this.limits = limits;
		this.jdbc = jdbc;
		this.importer = importer;
		this.sheets = sheets;
		this.audit = audit;
		this.permissions = permissions;
		this.messages = messages;
	}

	long start(MultipartFile file) throws IOException {
		String name = file.getOriginalFilename() == null ? "import.xlsx" : file.getOriginalFilename();
		if (file.isEmpty()) {
			throw new BusinessRuleException("file", "import.file.empty");
		}
		if (!name.toLowerCase().endsWith(".xlsx")) {
			throw new BusinessRuleException("file", "import.file.type");
		}
		byte[] content = file.getBytes();
		// what the zip declares is checked here, before a job exists; what inflating shows ends the job FAILED
		BoundedWorkbook.inspect(content, limits);
		long id = importer.createJob(permissions.currentUsername(), name);
		try {
			audit.record(AuditTrail.IMPORT, "业主档案导入#" + id, name);
			importer.runAsync(id, content);
		}
		catch (RuntimeException e) {
			importer.abandon(id);
			throw e;
		}
		return id;
	}

	Optional<ImportJob> find(long id) {
		return jdbc.query("select * from import_job where id = ?", (rs, i) -> job(rs), id).stream().findFirst();
	}

	ImportJob get(long id) {
		return find(id).orElseThrow(() -> new NotFoundException("import.notFound"));
	}

	List<ImportJob> recent() {
		return jdbc.query("select * from import_job order by id desc limit 20", (rs, i) -> job(rs));
	}

	record Rejection(int rowNo, String column, String reason) {
	}

	List<Rejection> rejections(long jobId, int limit) {
		return jdbc.query("select row_no, column_name, reason from import_rejection where job_id = ? order by row_no, id limit ?",
				(rs, i) -> new Rejection(rs.getInt(1), rs.getString(2), rs.getString(3)), jobId, limit);
	}

	void report(long jobId, OutputStream out) throws IOException {
		get(jobId);
		sheets.rejections(out, jobId, (id, consumer) -> jdbc.query(
				"select row_no, column_name, reason from import_rejection where job_id = ? order by row_no, id",
				rs -> {
					consumer.accept(rs.getInt(1), rs.getString(2), rs.getString(3));
				}, id));
	}

	/** A failure recorded as a message key (such as a lost node) is given in the reader's language. */
	private ImportJob job(java.sql.ResultSet rs) throws java.sql.SQLException {
		Timestamp finished = rs.getTimestamp("finished_at");
		String failureKey = rs.getString("failure_key");
		String failure = failureKey == null ? rs.getString("failure")
				: messages.getMessage(failureKey, null, failureKey, LocaleContextHolder.getLocale());
		return new ImportJob(rs.getLong("id"), rs.getString("username"), rs.getString("file_name"), rs.getString("status"),
				rs.getInt("total_rows"), rs.getInt("processed_rows"), rs.getInt("accepted_rows"), rs.getInt("rejected_rows"),
				failure, rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant());
	}

}
