package io.estatedesk.shared;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** A one-sheet xlsx table written row by row to a stream (exports of long lists in constant memory). */
public final class XlsxTable {

	private final Workbook workbook;

	private final Worksheet sheet;

	private int row = 1;

	public XlsxTable(OutputStream out, String sheetName, List<String> columns) {
		this.workbook = new Workbook(out, "EstateDesk", "1.0");
		this.sheet = workbook.newWorksheet(sheetName);
		for (int c = 0; c < columns.size(); c++) {
			sheet.value(0, c, columns.get(c));
			sheet.style(0, c).bold().fillColor("DDEBF7").set();
			sheet.width(c, Math.max(12, Math.min(40, columns.get(c).length() * 3)));
		}
	}

	/** Sets a column's width in characters. */
	public XlsxTable width(int column, int characters) {
		sheet.width(column, characters);
		return this;
	}

	/** Appends a row; null values stay empty. */
	public void row(Object... values) {
		int r = row++;
		for (int c = 0; c < values.length; c++) {
			if (values[c] != null) {
				// inline: a shared-string table would keep every distinct text of the export in memory until the end
				sheet.inlineString(r, c, values[c].toString());
			}
		}
		if (r % 1000 == 0) {
			try {
				sheet.flush();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}

	public void finish() throws IOException {
		workbook.finish();
	}

}
