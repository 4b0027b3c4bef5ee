package io.estatedesk.shared;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The bounds every import (xlsx or csv) is read within, settings {@code estatedesk.imports.*}. The defaults leave a
 * wide margin over a real 100,000-owner workbook (110,000 rows, 69 MB uncompressed, compression 7.7:1) and refuse a
 * "zip bomb" before it can fill the memory.
 */
@Component
public class ImportLimits {

	private final long maxUncompressedBytes;

	private final int maxRatio;

	private final long ratioCheckedAboveBytes;

	private final int maxEntries;

	private final int maxRows;

	private final int maxColumns;

	private final int maxCellChars;

	private final int maxCsvLineChars;

	@Autowired
	public ImportLimits(@Value("${estatedesk.imports.max-uncompressed:200MB}") DataSize maxUncompressed,
			@Value("${estatedesk.imports.max-ratio:100}") int maxRatio,
			@Value("${estatedesk.imports.ratio-checked-above:1MB}") DataSize ratioCheckedAbove,
			@Value("${estatedesk.imports.max-entries:500}") int maxEntries,
			@Value("${estatedesk.imports.max-rows:200000}") int maxRows,
			@Value("${estatedesk.imports.max-columns:200}") int maxColumns,
			@Value("${estatedesk.imports.max-cell-chars:32767}") int maxCellChars,
			@Value("${estatedesk.imports.max-csv-line-chars:100000}") int maxCsvLineChars) {
		this(maxUncompressed.toBytes(), maxRatio, ratioCheckedAbove.toBytes(), maxEntries, maxRows, maxColumns,
				maxCellChars, maxCsvLineChars);
	}

	public ImportLimits(long maxUncompressedBytes, int maxRatio, long ratioCheckedAboveBytes, int maxEntries, int maxRows,
			int maxColumns, int maxCellChars, int maxCsvLineChars) {
		this.maxUncompressedBytes = maxUncompressedBytes;
		this.maxRatio = maxRatio;
		this.ratioCheckedAboveBytes = ratioCheckedAboveBytes;
		this.maxEntries = maxEntries;
		this.maxRows = maxRows;
		this.maxColumns = maxColumns;
		this.maxCellChars = maxCellChars;
		this.maxCsvLineChars = maxCsvLineChars;
	}

	/** The defaults, as without any setting. */
	public static ImportLimits defaults() {
		return new ImportLimits(200L << 20, 100, 1L << 20, 500, 200_000, 200, 32_767, 100_000);
	}

	/** Sum of the uncompressed sizes of all parts of an xlsx. */
	public long maxUncompressedBytes() {
		return maxUncompressedBytes;
	}

	public long maxUncompressedMb() {
		return maxUncompressedBytes >> 20;
	}

	/** Uncompressed to compressed size of one part, checked for parts larger than {@link #ratioCheckedAboveBytes()}. */
	public int maxRatio() {
		return maxRatio;
	}

	public long ratioCheckedAboveBytes() {
		return ratioCheckedAboveBytes;
	}

	/** Parts (zip entries) of an xlsx. */
	public int maxEntries() {
		return maxEntries;
	}

	/** Data rows below the heading row. */
	public int maxRows() {
		return maxRows;
	}

	/** Cells of a row. */
	public int maxColumns() {
		return maxColumns;
	}

	/** Characters of one cell (32,767 is Excel's own limit). */
	public int maxCellChars() {
		return maxCellChars;
	}

	/** Characters of one csv line. */
	public int maxCsvLineChars() {
		return maxCsvLineChars;
	}

}
