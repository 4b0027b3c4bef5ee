package io.estatedesk.shared;

import java.sql.SQLException;

/** Recognises failures that are the request's fault although they surface only in the database. */
final class ServerErrors {

	private ServerErrors() {
	}

	/** PostgreSQL's "invalid byte sequence" (0x00 in text) and "character not in repertoire". */
	static boolean isRefusedCharacter(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof SQLException s && ("22021".equals(s.getSQLState()) || "22P05".equals(s.getSQLState()))) {
				return true;
			}
		}
		return false;
	}

}
