package io.estatedesk.shared;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads the first sheet of an uploaded xlsx within {@link ImportLimits}, so that no file can fill the memory.
 *
 * <p>Three steps. {@link #inspect} reads only the zip's central directory: too many parts, a declared total
 * uncompressed size over the limit or a part compressed more than the ratio limit are refused before anything is
 * inflated. {@link #open} then inflates every part once through a counting stream that stops at the part's declared
 * size (declared sizes can be forged), at the ratio limit and at what is left of the total, and scans the XML as it
 * passes: the text of one cell or shared string, the length of a tag and a cell's column reference (a reference such
 * as {@code ZZZZZZ1} would make the reader allocate hundreds of millions of cells) are bounded. Only a file that passed
 * is given to the workbook reader, which reads the very same bytes with the same zip library; {@link #rows()} bounds
 * rows, cells per row and characters per cell while it reads.
 */
public final class BoundedWorkbook implements Closeable {

	/** Excel's last column, XFD. */
	private static final int EXCEL_COLUMNS = 16_384;

	private static final int MAX_TAG_BYTES = 64 * 1024;

	private final ReadableWorkbook workbook;

	private final ImportLimits limits;

	private BoundedWorkbook(ReadableWorkbook workbook, ImportLimits limits) {
		this.workbook = workbook;
		this.limits = limits;
	}

	/** Checks the file's central directory only (no inflating); throws {@link ImportRefused} when it breaks a limit. */
	public static void inspect(byte[] content, ImportLimits limits) {
		centralDirectory(content, limits);
	}

	/** Checks the whole file and opens it; throws {@link ImportRefused} when it breaks a limit or is no xlsx. */
	public static BoundedWorkbook open(byte[] content, ImportLimits limits) {
		int declaredEntries = centralDirectory(content, limits);
		try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
			List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
			if (entries.size() != declaredEntries) {
				throw unreadable();
			}
			long left = limits.maxUncompressedBytes();
			for (ZipArchiveEntry e : entries) {
				long compressed = Math.max(e.getCompressedSize(), 1);
				long byRatio = Math.max(limits.ratioCheckedAboveBytes(),
						compressed > Long.MAX_VALUE / limits.maxRatio() ? Long.MAX_VALUE : compressed * limits.maxRatio());
				long declared = e.getSize() < 0 ? Long.MAX_VALUE : e.getSize();
				try (InputStream in = zip.getInputStream(e)) {
					left -= new PartScan(limits, declared, byRatio, left).scan(in);
				}
			}
		}
		catch (ImportRefused e) {
			throw e;
		}
		catch (IOException | RuntimeException e) {
			throw unreadable();
		}
		try {
			return new BoundedWorkbook(new ReadableWorkbook(new ByteArrayInputStream(content)), limits);
		}
		catch (IOException | RuntimeException e) {
			throw unreadable();
		}
	}

	/**
	 * The rows of the first sheet, the heading row included; refuses (with {@link ImportRefused}) a row beyond the row
	 * limit, a row with more cells than the column limit and a cell longer than the cell limit. Close the stream.
	 */
	public Stream<Row> rows() {
		Stream<Row> rows;
		try {
			rows = workbook.getFirstSheet().openStream();
		}
		catch (IOException | RuntimeException e) {
			throw unreadable();
		}
		Iterator<Row> it = rows.iterator();
		Iterator<Row> bounded = new Iterator<>() {
			int count;

			@Override
			public boolean hasNext() {
				try {
					return it.hasNext();
				}
				catch (RuntimeException e) {
					throw unreadable();
				}
			}

			@Override
			public Row next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				Row row = it.next();
				if (++count > limits.maxRows() + 1) {
					throw new ImportRefused("imports.refused.rows", limits.maxRows());
				}
				if (row.getCellCount() > limits.maxColumns()) {
					throw new ImportRefused("imports.refused.columns", limits.maxColumns());
				}
				for (int i = 0; i < row.getCellCount(); i++) {
					Cell c = row.getCell(i);
					String raw = c == null ? null : c.getRawValue();
					if (raw != null && raw.length() > limits.maxCellChars()) {
						throw new ImportRefused("imports.refused.cell", limits.maxCellChars());
					}
				}
				return row;
			}
		};
		Iterable<Row> iterable = () -> bounded;
		return java.util.stream.StreamSupport.stream(iterable.spliterator(), false).onClose(rows::close);
	}

	@Override
	public void close() throws IOException {
		workbook.close();
	}

	static ImportRefused unreadable() {
		return new ImportRefused("imports.refused.unreadable");
	}

	// ---------------------------------------------------------------- the central directory

	private static int u16(byte[] b, int i) {
		return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
	}

	private static long u32(byte[] b, int i) {
		return (u16(b, i) | (long) u16(b, i + 2) << 16);
	}

	/** Walks the central directory record by record (not trusting the count in its end record); returns the entries. */
	private static int centralDirectory(byte[] b, ImportLimits limits) {
		if (b == null || b.length < 22 || b[0] != 'P' || b[1] != 'K') {
			throw unreadable();
		}
		int end = -1;
		for (int i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
			if (u32(b, i) == 0x06054b50L) {
				end = i;
				break;
			}
		}
		if (end < 0) {
			throw unreadable();
		}
		long offset = u32(b, end + 16);
		if (offset >= end) {
			throw unreadable();
		}
		int p = (int) offset;
		int entries = 0;
		long total = 0;
		while (p + 46 <= end && u32(b, p) == 0x02014b50L) {
			if (++entries > limits.maxEntries()) {
				throw new ImportRefused("imports.refused.entries", limits.maxEntries());
			}
			long compressed = u32(b, p + 20);
			long size = u32(b, p + 24);
			if (compressed == 0xffffffffL || size == 0xffffffffL) {
				// ZIP64: a part of 4 GB or more
				throw new ImportRefused("imports.refused.total", limits.maxUncompressedMb());
			}
			total += size;
			if (total > limits.maxUncompressedBytes()) {
				throw new ImportRefused("imports.refused.total", limits.maxUncompressedMb());
			}
			if (size > limits.ratioCheckedAboveBytes() && size > Math.max(compressed, 1) * limits.maxRatio()) {
				throw new ImportRefused("imports.refused.ratio", size / Math.max(compressed, 1), limits.maxRatio());
			}
			p += 46 + u16(b, p + 28) + u16(b, p + 30) + u16(b, p + 32);
		}
		if (entries == 0) {
			throw unreadable();
		}
		return entries;
	}

	// ---------------------------------------------------------------- one part, inflated

	/**
	 * Counts the bytes of one part as they are inflated and scans them as XML when the part is XML. A part that starts
	 * like UTF-16, UTF-32 or EBCDIC XML is refused: xlsx parts are UTF-8, and the scan reads UTF-8.
	 */
	private static final class PartScan {

		private final ImportLimits limits;

		private final long declared;

		private final long byRatio;

		private final long left;

		private final long maxCellBytes;

		private long count;

		private boolean xml;

		private boolean inTag;

		private byte quote;

		private final byte[] tag = new byte[MAX_TAG_BYTES];

		private int tagLength;

		private long text;

		PartScan(ImportLimits limits, long declared, long byRatio, long left) {
			this.limits = limits;
			this.declared = declared;
			this.byRatio = byRatio;
			this.left = left;
			// a character takes up to 3 bytes in UTF-8 and up to 6 as an entity (&amp;, &#x4E2D;): bound the bytes
			this.maxCellBytes = limits.maxCellChars() * 6L;
		}

		long scan(InputStream in) throws IOException {
			byte[] buffer = new byte[64 * 1024];
			int n;
			boolean first = true;
			while ((n = in.read(buffer)) > 0) {
				count += n;
				if (count > declared) {
					throw new ImportRefused("imports.refused.forged");
				}
				if (count > left) {
					throw new ImportRefused("imports.refused.total", limits.maxUncompressedMb());
				}
				if (count > byRatio) {
					throw new ImportRefused("imports.refused.forged");
				}
				int from = 0;
				if (first) {
					first = false;
					from = start(buffer, n);
				}
				if (xml) {
					for (int i = from; i < n; i++) {
						next(buffer[i]);
					}
				}
			}
			return count;
		}

		/** Decides whether the part is XML from its first bytes; returns where the XML starts. */
		private int start(byte[] b, int n) {
			int b0 = n > 0 ? b[0] & 0xff : -1;
			int b1 = n > 1 ? b[1] & 0xff : -1;
			int b2 = n > 2 ? b[2] & 0xff : -1;
			int b3 = n > 3 ? b[3] & 0xff : -1;
			if ((b0 == 0xfe && b1 == 0xff) || (b0 == 0xff && b1 == 0xfe) || (b0 == 0 && b1 == '<') || (b0 == '<' && b1 == 0)
					|| (b0 == 0 && b1 == 0 && (b2 == 0 || b2 == 0xfe)) || (b0 == 0x4c && b1 == 0x6f && b2 == 0xa7 && b3 == 0x94)) {
				throw unreadable();
			}
			int i = b0 == 0xef && b1 == 0xbb && b2 == 0xbf ? 3 : 0;
			int from = i;
			while (i < n && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
				i++;
			}
			xml = i < n && b[i] == '<';
			return from;
		}

		private void next(byte c) {
			if (!inTag) {
				if (c == '<') {
					inTag = true;
					tagLength = 0;
					quote = 0;
				}
				else if (++text > maxCellBytes) {
					throw new ImportRefused("imports.refused.cell", limits.maxCellChars());
				}
				return;
			}
			if (quote != 0) {
				if (c == quote) {
					quote = 0;
				}
			}
			else if (c == '"' || c == '\'') {
				quote = c;
			}
			else if (c == '>') {
				inTag = false;
				tag();
				return;
			}
			if (tagLength == MAX_TAG_BYTES) {
				throw new ImportRefused("imports.refused.cell", limits.maxCellChars());
			}
			tag[tagLength++] = c;
		}

		/** A start tag just ended: a new cell or shared string starts its own text; a cell's column is checked. */
		private void tag() {
			if (tagLength == 0 || tag[0] == '/' || tag[0] == '?' || tag[0] == '!') {
				return;
			}
			int i = 0;
			while (i < tagLength && !space(tag[i]) && tag[i] != '/') {
				i++;
			}
			String name = localName(0, i);
			if (!name.equals("c") && !name.equals("si") && !name.equals("is") && !name.equals("comment")) {
				return;
			}
			text = 0;
			if (!name.equals("c")) {
				return;
			}
			// attributes: name = "value"
			while (i < tagLength) {
				while (i < tagLength && (space(tag[i]) || tag[i] == '/')) {
					i++;
				}
				int nameStart = i;
				while (i < tagLength && tag[i] != '=' && !space(tag[i])) {
					i++;
				}
				String attribute = localName(nameStart, i);
				while (i < tagLength && (space(tag[i]) || tag[i] == '=')) {
					i++;
				}
				if (i >= tagLength || (tag[i] != '"' && tag[i] != '\'')) {
					return;
				}
				byte q = tag[i++];
				int valueStart = i;
				while (i < tagLength && tag[i] != q) {
					i++;
				}
				if (attribute.equals("r")) {
					column(valueStart, i);
				}
				i++;
			}
		}

		private void column(int from, int to) {
			long column = 0;
			for (int i = from; i < to; i++) {
				int c = tag[i] | 0x20;
				if (c < 'a' || c > 'z') {
					break;
				}
				column = column * 26 + (c - 'a' + 1);
				if (column > EXCEL_COLUMNS) {
					throw new ImportRefused("imports.refused.columns", limits.maxColumns());
				}
			}
		}

		private String localName(int from, int to) {
			for (int i = to - 1; i >= from; i--) {
				if (tag[i] == ':') {
					from = i + 1;
					break;
				}
			}
			return new String(tag, from, Math.max(0, to - from), StandardCharsets.UTF_8);
		}

		private static boolean space(byte c) {
			return c == ' ' || c == '\t' || c == '\r' || c == '\n';
		}

	}

}
