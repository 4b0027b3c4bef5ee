package io.estatedesk.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a csv (UTF-8, comma-separated, one record a line) within {@link ImportLimits}: a line longer than the line
 * limit is refused as soon as the limit is passed, without building it; so are more rows than the row limit and more
 * cells a row than the column limit. Blank lines are skipped.
 */
public final class BoundedCsv {

	private BoundedCsv() {
	}

	/** The non-blank lines split at commas, the heading line included; throws {@link ImportRefused} beyond a limit. */
	public static List<String[]> read(byte[] content, ImportLimits limits) {
		List<String[]> rows = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		int lineNo = 1;
		try (Reader in = new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8)) {
			char[] buffer = new char[8192];
			int n;
			boolean start = true;
			while ((n = in.read(buffer)) > 0) {
				for (int i = 0; i < n; i++) {
					char c = buffer[i];
					if (start && c == '\uFEFF') {
						start = false;
						continue;
					}
					start = false;
					if (c == '\n') {
						add(rows, line, limits);
						line.setLength(0);
						lineNo++;
					}
					else if (c != '\r') {
						if (line.length() >= limits.maxCsvLineChars()) {
							throw new ImportRefused("imports.refused.line", lineNo, limits.maxCsvLineChars());
						}
						line.append(c);
					}
				}
			}
			add(rows, line, limits);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return rows;
	}

	private static void add(List<String[]> rows, StringBuilder line, ImportLimits limits) {
		if (line.toString().isBlank()) {
			return;
		}
		if (rows.size() > limits.maxRows()) {
			throw new ImportRefused("imports.refused.rows", limits.maxRows());
		}
		String[] cells = line.toString().split(",", -1);
		if (cells.length > limits.maxColumns()) {
			throw new ImportRefused("imports.refused.columns", limits.maxColumns());
		}
		for (String cell : cells) {
			if (cell.length() > limits.maxCellChars()) {
				throw new ImportRefused("imports.refused.cell", limits.maxCellChars());
			}
		}
		rows.add(cells);
	}

}
