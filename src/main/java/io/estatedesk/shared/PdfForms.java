package io.estatedesk.shared;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

/**
 * What printed forms share: the Chinese font — an installed CJK TrueType font when there is one (embedded),
 * otherwise the STSong-Light font every Chinese PDF reader provides — and the form's label/value cells and boxes.
 */
public final class PdfForms {

	private static final List<String> FONT_CANDIDATES = List.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0",
			"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,0", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,0",
			"/usr/share/fonts/truetype/arphic/uming.ttc,0");

	private final String configuredFont;

	private volatile BaseFont font;

	/** @param configuredFont a font file (",index" for collections), "builtin", or blank to look for one */
	public PdfForms(String configuredFont) {
		this.configuredFont = configuredFont == null ? "" : configuredFont;
	}

	public BaseFont font() {
		BaseFont f = font;
		if (f == null) {
			f = loadFont();
			font = f;
		}
		return f;
	}

	private BaseFont loadFont() {
		if (!"builtin".equals(configuredFont)) {
			List<String> candidates = configuredFont.isBlank() ? FONT_CANDIDATES : List.of(configuredFont);
			for (String candidate : candidates) {
				String file = candidate.contains(".ttc,") ? candidate.substring(0, candidate.lastIndexOf(',')) : candidate;
				if (Files.isReadable(Path.of(file))) {
					try {
						return BaseFont.createFont(candidate, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
					}
					catch (Exception e) {
						// an unusable font file: try the next
					}
				}
			}
		}
		try {
			return BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
		}
		catch (Exception e) {
			throw new IllegalStateException("no Chinese font available for PDF", e);
		}
	}

	/** A label cell and its value cell on one line of a two- or four-column form. */
	public static void pair(PdfPTable t, String label, String value, Font lf, Font vf) {
		PdfPCell l = new PdfPCell(new Phrase(label, lf));
		l.setPadding(6);
		l.setBorderWidthRight(0);
		PdfPCell v = new PdfPCell(new Phrase(value == null ? "" : value, vf));
		v.setPadding(6);
		v.setBorderWidthLeft(0);
		t.addCell(l);
		t.addCell(v);
	}

	/** A label and a box for a long text of at least {@code minHeight} points. */
	public static void box(PdfPTable t, String label, String value, float minHeight, Font lf, Font vf) {
		PdfPCell l = new PdfPCell(new Phrase(label, lf));
		l.setHorizontalAlignment(Element.ALIGN_CENTER);
		l.setVerticalAlignment(Element.ALIGN_MIDDLE);
		l.setMinimumHeight(minHeight);
		PdfPCell v = new PdfPCell(new Phrase(value == null ? "" : value, vf));
		v.setPadding(8);
		v.setMinimumHeight(minHeight);
		v.setLeading(0, 1.4f);
		t.addCell(l);
		t.addCell(v);
	}

}
