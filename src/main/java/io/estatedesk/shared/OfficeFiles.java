package io.estatedesk.shared;

import java.nio.charset.StandardCharsets;

import io.estatedesk.shared.UploadContent.Accepted;
import io.estatedesk.shared.UploadContent.Outcome;

/**
 * Office documents told by their structure, without unpacking anything: an OOXML file is a zip whose central
 * directory names {@code [Content_Types].xml} and a Word, Excel or PowerPoint part; an old Office file is an OLE2
 * compound file holding the stream of one of the three. Files with macros are refused.
 */
final class OfficeFiles {

	static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };

	private OfficeFiles() {
	}

	static Outcome ooxml(byte[] d) {
		int eocd = -1;
		for (int i = d.length - 22; i >= Math.max(0, d.length - 22 - 65535); i--) {
			if (d[i] == 'P' && d[i + 1] == 'K' && d[i + 2] == 5 && d[i + 3] == 6) {
				eocd = i;
				break;
			}
		}
		if (eocd < 0) {
			return Outcome.refused("upload.broken");
		}
		int count = u16(d, eocd + 10);
		long offset = u32(d, eocd + 16);
		boolean contentTypes = false;
		String kind = null;
		int at = (int) Math.min(offset, Integer.MAX_VALUE);
		for (int n = 0; n < count; n++) {
			if (at < 0 || at + 46 > d.length || u32(d, at) != 0x02014b50L) {
				return Outcome.refused("upload.broken");
			}
			int nameLength = u16(d, at + 28);
			int extra = u16(d, at + 30);
			int comment = u16(d, at + 32);
			if (at + 46 + nameLength > d.length) {
				return Outcome.refused("upload.broken");
			}
			String name = new String(d, at + 46, nameLength, StandardCharsets.UTF_8);
			if (name.equals("[Content_Types].xml")) {
				contentTypes = true;
			}
			else if (name.toLowerCase(java.util.Locale.ROOT).endsWith("vbaproject.bin")) {
				return Outcome.refused("upload.macro");
			}
			else if (kind == null && name.startsWith("word/")) {
				kind = "docx";
			}
			else if (kind == null && name.startsWith("xl/")) {
				kind = "xlsx";
			}
			else if (kind == null && name.startsWith("ppt/")) {
				kind = "pptx";
			}
			at += 46 + nameLength + extra + comment;
		}
		if (!contentTypes || kind == null) {
			return Outcome.refused("upload.notAllowed");
		}
		String type = switch (kind) {
			case "docx" -> UploadContent.DOCX;
			case "xlsx" -> UploadContent.XLSX;
			default -> UploadContent.PPTX;
		};
		return Outcome.of(new Accepted(d, type, kind, false));
	}

	/**
	 * Looks at every 128-byte directory entry slot of the compound file for a stream named as Word, Excel or
	 * PowerPoint name their main stream (an installer or any other compound file holds none of them).
	 */
	static Outcome ole2(byte[] d) {
		int sectorShift = d.length > 0x20 ? u16(d, 0x1E) : 0;
		if (sectorShift != 9 && sectorShift != 12) {
			return Outcome.refused("upload.broken");
		}
		String kind = null;
		for (int at = 512; at + 128 <= d.length; at += 128) {
			int nameBytes = u16(d, at + 0x40);
			int type = d[at + 0x42];
			if (nameBytes < 4 || nameBytes > 64 || nameBytes % 2 != 0 || (type != 1 && type != 2)) {
				continue;
			}
			String name = new String(d, at, nameBytes - 2, StandardCharsets.UTF_16LE);
			if (type == 1 && (name.equals("Macros") || name.equals("_VBA_PROJECT_CUR") || name.equals("VBA"))) {
				return Outcome.refused("upload.macro");
			}
			if (type == 2 && kind == null) {
				kind = switch (name) {
					case "WordDocument" -> "doc";
					case "Workbook", "Book" -> "xls";
					case "PowerPoint Document" -> "ppt";
					default -> null;
				};
			}
		}
		if (kind == null) {
			return Outcome.refused("upload.notAllowed");
		}
		String type = switch (kind) {
			case "doc" -> UploadContent.DOC;
			case "xls" -> UploadContent.XLS;
			default -> UploadContent.PPT;
		};
		return Outcome.of(new Accepted(d, type, kind, false));
	}

	private static int u16(byte[] d, int at) {
		return (d[at] & 0xFF) | (d[at + 1] & 0xFF) << 8;
	}

	private static long u32(byte[] d, int at) {
		return (u16(d, at) & 0xFFFFL) | (long) u16(d, at + 2) << 16;
	}

}
