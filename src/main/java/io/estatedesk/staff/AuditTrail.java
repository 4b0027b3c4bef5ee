package io.estatedesk.staff;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records who revealed or exported confidential owner data (工作制度 4–5), visible to administrators.
 */
@Service
public class AuditTrail {

	/** Showing a full phone or ID number. */
	public static final String REVEAL = "REVEAL";

	/** Downloading a list as a file. */
	public static final String EXPORT = "EXPORT";

	/** Importing a file into the archive. */
	public static final String IMPORT = "IMPORT";

	/** Creating a role. */
	static final String ROLE_CREATE = "ROLE_CREATE";

	/** Granting or withdrawing permissions on the role × permission matrix. */
	static final String ROLE_MATRIX = "ROLE_MATRIX";

	private final JdbcTemplate jdbc;

	private final Permissions permissions;

	AuditTrail(JdbcTemplate jdbc, Permissions permissions) {
		this.jdbc = jdbc;
		this.permissions = permissions;
	}

	/** Records an action by the current user; kept even when the surrounding work fails. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(String action, String target, String detail) {
		jdbc.update("insert into audit_event (username, action, target, detail) values (?, ?, ?, ?)",
				permissions.currentUsername(), action, truncate(target, 200), detail);
	}

	private static String truncate(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}

}
