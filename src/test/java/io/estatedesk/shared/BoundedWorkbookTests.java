package io.estatedesk.shared;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.estatedesk.bench.OwnerWorkbookGenerator;
import io.estatedesk.support.ZipBombs;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bounded reader refuses every kind of oversized or forged xlsx and csv quickly, and reads real files whole. */
class BoundedWorkbookTests {

	private static final ImportLimits LIMITS = ImportLimits.defaults();

	private static String refusal(Runnable read) {
		try {
			read.run();
		}
		catch (ImportRefused e) {
			return e.getMessage();
		}
		throw new AssertionError("not refused");
	}

	private static void readAll(byte[] content, ImportLimits limits) {
		try (BoundedWorkbook wb = BoundedWorkbook.open(content, limits); var rows = wb.rows()) {
			rows.forEach(r -> r.getCellText(0));
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	@Test
	void aGigabyteCellIsRefusedFromTheCentralDirectoryBeforeAnythingIsInflated() {
		byte[] bomb = ZipBombs.gigabyteCell();
		assertThat(bomb.length).isLessThan(2 << 20);
		long t0 = System.nanoTime();
		assertThat(refusal(() -> BoundedWorkbook.inspect(bomb, LIMITS))).isEqualTo("imports.refused.total");
		assertThat(refusal(() -> readAll(bomb, LIMITS))).isEqualTo("imports.refused.total");
		assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(1000);
	}

	@Test
	void aPartCompressedMoreThanTheRatioLimitIsRefusedFromTheCentralDirectory() {
		// 100 MB of one letter: under the total limit, compressed about 1000:1
		ImportRefused e = (ImportRefused) catchRefusal(() -> BoundedWorkbook.inspect(ZipBombs.hugeCell(100L << 20), LIMITS));
		assertThat(e.getMessage()).isEqualTo("imports.refused.ratio");
		assertThat((Long) e.args()[0]).isGreaterThan(500L);
		assertThat(e.args()[1]).isEqualTo(100);
	}

	@Test
	void aGigabyteCellWithAForgedSmallSizeIsStoppedAtTheDeclaredSize() {
		byte[] forged = ZipBombs.forgeDeclaredSize(ZipBombs.gigabyteCell(), ZipBombs.SHEET, 4096);
		BoundedWorkbook.inspect(forged, LIMITS);
		long t0 = System.nanoTime();
		assertThat(refusal(() -> readAll(forged, LIMITS))).isEqualTo("imports.refused.forged");
		assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(1000);
	}

	@Test
	void aForgedSizeJustUnderTheRatioLimitIsStoppedThereToo() {
		byte[] bomb = ZipBombs.gigabyteCell();
		// claims 90:1, inflates to 1000:1; the cell limit is lifted so that the size bound is what stops it
		byte[] forged = ZipBombs.forgeDeclaredSize(bomb, ZipBombs.SHEET, bomb.length * 90L);
		ImportLimits longCells = new ImportLimits(200L << 20, 100, 1L << 20, 500, 200_000, 200, 1 << 28, 100_000);
		BoundedWorkbook.inspect(forged, longCells);
		assertThat(refusal(() -> readAll(forged, longCells))).isEqualTo("imports.refused.forged");
	}

	@Test
	void aFileExpandingBeyondTheTotalLimitIsRefused() {
		ImportLimits small = new ImportLimits(8L << 20, 2000, 1L << 20, 500, 200_000, 200, 32_767, 100_000);
		assertThat(refusal(() -> BoundedWorkbook.inspect(ZipBombs.hugeCell(10L << 20), small))).isEqualTo("imports.refused.total");
	}

	@Test
	void aCellLongerThanTheLimitIsRefusedWhileInflating() {
		// 500 KB: too small for the ratio check, far above the cell limit
		assertThat(refusal(() -> readAll(ZipBombs.hugeCell(500_000), LIMITS))).isEqualTo("imports.refused.cell");
	}

	@Test
	void aSharedStringBuiltFromManyShortRunsIsRefusedAsOneLongCell() {
		String run = "<r><t>" + "字".repeat(10_000) + "</t></r>";
		String sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
				+ "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is>" + run.repeat(20) + "</is></c></row></sheetData></worksheet>";
		assertThat(refusal(() -> readAll(ZipBombs.withSheet(sheet), LIMITS))).isEqualTo("imports.refused.cell");
	}

	@Test
	void aCellReferenceFarBeyondExcelsLastColumnIsRefusedBeforeTheReaderAllocatesTheRow() {
		String sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
				+ "<sheetData><row r=\"1\"><c r=\"ZZZZZZ1\" t=\"inlineStr\" x:r='A1'><is><t>x</t></is></c></row></sheetData></worksheet>";
		assertThat(refusal(() -> readAll(ZipBombs.withSheet(sheet), LIMITS))).isEqualTo("imports.refused.columns");
	}

	@Test
	void moreRowsOrColumnsThanTheLimitsAreRefusedWhileReading() throws Exception {
		ImportLimits few = new ImportLimits(200L << 20, 100, 1L << 20, 500, 3, 4, 32_767, 100_000);
		byte[] fiveRows = sheet(5, 2);
		byte[] fiveColumns = sheet(2, 5);
		assertThat(refusal(() -> readAll(fiveRows, few))).isEqualTo("imports.refused.rows");
		assertThat(refusal(() -> readAll(fiveColumns, few))).isEqualTo("imports.refused.columns");
		readAll(sheet(4, 4), few);
	}

	@Test
	void tooManyPartsAreRefusedFromTheCentralDirectory() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (int i = 0; i < 600; i++) {
				zip.putNextEntry(new ZipEntry("x/" + i + ".xml"));
				zip.write("<a/>".getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		assertThat(refusal(() -> BoundedWorkbook.inspect(bytes.toByteArray(), LIMITS))).isEqualTo("imports.refused.entries");
	}

	@Test
	void aSheetInUtf16WhichTheScanCouldNotReadIsRefused() {
		byte[] zip = utf16Part();
		assertThat(refusal(() -> readAll(zip, LIMITS))).isEqualTo("imports.refused.unreadable");
	}

	private static byte[] utf16Part() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry(ZipBombs.SHEET));
			zip.write("<worksheet/>".getBytes(StandardCharsets.UTF_16));
			zip.closeEntry();
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	@Test
	void notAZipIsUnreadable() {
		assertThat(refusal(() -> BoundedWorkbook.inspect("not an excel file".getBytes(), LIMITS)))
			.isEqualTo("imports.refused.unreadable");
	}

	@Test
	void aCsvLineBeyondTheLimitIsRefusedWithItsLineNumber() {
		byte[] csv = ("用户名,打卡时间\nclerk,2026-11-02 08:56\n" + "A".repeat(5_000_000) + "\n").getBytes(StandardCharsets.UTF_8);
		ImportRefused e = (ImportRefused) catchRefusal(() -> BoundedCsv.read(csv, LIMITS));
		assertThat(e.getMessage()).isEqualTo("imports.refused.line");
		assertThat(e.args()).containsExactly(3, 100_000);
		ImportLimits few = new ImportLimits(200L << 20, 100, 1L << 20, 500, 2, 4, 32_767, 100_000);
		assertThat(refusal(() -> BoundedCsv.read("a,b\n1,2\n\n3,4\n5,6\n".getBytes(), few))).isEqualTo("imports.refused.rows");
		assertThat(refusal(() -> BoundedCsv.read("a,b,c,d,e\n".getBytes(), few))).isEqualTo("imports.refused.columns");
		assertThat(BoundedCsv.read("\uFEFFa,b\r\n1,2\r\n\r\n3,4".getBytes(StandardCharsets.UTF_8), few))
			.extracting(r -> String.join("|", r)).containsExactly("a|b", "1|2", "3|4");
	}

	private static RuntimeException catchRefusal(Runnable r) {
		try {
			r.run();
		}
		catch (ImportRefused e) {
			return e;
		}
		throw new AssertionError("not refused");
	}

	@Test
	void aRealHundredThousandOwnerWorkbookIsReadWhole(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("owners-100k.xlsx");
		OwnerWorkbookGenerator.main(new String[] { file.toString(), "100000", "基准项目", "42" });
		byte[] content = Files.readAllBytes(file);
		long t0 = System.nanoTime();
		int[] rows = { 0 };
		long checked;
		try (BoundedWorkbook wb = BoundedWorkbook.open(content, LIMITS); var stream = wb.rows()) {
			checked = System.nanoTime();
			stream.forEach(r -> rows[0]++);
		}
		System.out.printf("100,000 owners: %d bytes, checked in %d ms, %d rows read in %d ms%n", content.length,
				(checked - t0) / 1_000_000, rows[0], (System.nanoTime() - checked) / 1_000_000);
		assertThat(rows[0]).isEqualTo(110_001);
	}

	private static byte[] sheet(int rows, int columns) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook wb = new Workbook(out, "test", "1.0");
		Worksheet ws = wb.newWorksheet("Sheet1");
		for (int r = 0; r < rows; r++) {
			for (int c = 0; c < columns; c++) {
				ws.value(r, c, "v" + r + "-" + c);
			}
		}
		wb.finish();
		return out.toByteArray();
	}

}
