package io.estatedesk.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;


/**
 * Hostile xlsx files made in the test: a minimal workbook (headings 项目, 楼栋, 房号, 用户名, 打卡时间) whose sheet is
 * replaced by one with a single cell of {@code cellBytes} letters, streamed through a {@link ZipOutputStream} (1 GB
 * of 'A' compresses to about 1 MB), and the same file with the sheet's declared size forged to look small.
 */
public final class ZipBombs {

	public static final String SHEET = "xl/worksheets/sheet1.xml";

	/** 1 GiB: the cell that once filled the heap. */
	public static final long ONE_GB = 1L << 30;

	private static byte[] gigabyteBomb;

	private ZipBombs() {
	}

	/** The 1 GB bomb, made once per test JVM (a few seconds). */
	public static synchronized byte[] gigabyteCell() {
		if (gigabyteBomb == null) {
			gigabyteBomb = hugeCell(ONE_GB);
		}
		return gigabyteBomb;
	}

	/** A workbook whose first sheet holds the headings and one cell of {@code cellBytes} times 'A'. */
	public static byte[] hugeCell(long cellBytes) {
		return replaceSheet(out -> {
			out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
					+ "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
					+ "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>项目</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>楼栋</t></is></c>"
					+ "<c r=\"C1\" t=\"inlineStr\"><is><t>房号</t></is></c><c r=\"D1\" t=\"inlineStr\"><is><t>用户名</t></is></c>"
					+ "<c r=\"E1\" t=\"inlineStr\"><is><t>打卡时间</t></is></c></row>"
					+ "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>").getBytes(StandardCharsets.UTF_8));
			byte[] a = new byte[1 << 20];
			Arrays.fill(a, (byte) 'A');
			for (long left = cellBytes; left > 0; left -= a.length) {
				out.write(a, 0, (int) Math.min(a.length, left));
			}
			out.write("</t></is></c></row></sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
		});
	}

	/** A workbook whose sheet is exactly {@code xml}. */
	public static byte[] withSheet(String xml) {
		return replaceSheet(out -> out.write(xml.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * The file with the uncompressed size of {@code entry} in its central directory (what zip readers trust) set to
	 * {@code declared}.
	 */
	public static byte[] forgeDeclaredSize(byte[] zip, String entry, long declared) {
		byte[] b = zip.clone();
		byte[] name = entry.getBytes(StandardCharsets.UTF_8);
		for (int p = b.length - 46; p >= 0; p--) {
			if (u32(b, p) == 0x02014b50L && u16(b, p + 28) == name.length
					&& Arrays.equals(b, p + 46, p + 46 + name.length, name, 0, name.length)) {
				for (int i = 0; i < 4; i++) {
					b[p + 24 + i] = (byte) (declared >>> (8 * i));
				}
				return b;
			}
		}
		throw new IllegalArgumentException("no entry " + entry);
	}

	private interface SheetWriter {

		void write(OutputStream out) throws IOException;

	}

	private static final String[][] PARTS = { { "[Content_Types].xml", """
			<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
			<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
			<Default Extension="xml" ContentType="application/xml"/>\
			<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
			<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
			</Types>""" },
			{ "_rels/.rels", """
					<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
					<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
					</Relationships>""" },
			{ "xl/workbook.xml", """
					<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
					xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\
					<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""" },
			{ "xl/_rels/workbook.xml.rels", """
					<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
					<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
					</Relationships>""" } };

	private static byte[] replaceSheet(SheetWriter sheet) {
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			try (ZipOutputStream out = new ZipOutputStream(bytes)) {
				for (String[] part : PARTS) {
					out.putNextEntry(new ZipEntry(part[0]));
					out.write(part[1].getBytes(StandardCharsets.UTF_8));
					out.closeEntry();
				}
				out.putNextEntry(new ZipEntry(SHEET));
				sheet.write(out);
				out.closeEntry();
			}
			return bytes.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static int u16(byte[] b, int i) {
		return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
	}

	private static long u32(byte[] b, int i) {
		return u16(b, i) | (long) u16(b, i + 2) << 16;
	}

}
