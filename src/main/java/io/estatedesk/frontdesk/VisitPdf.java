package io.estatedesk.frontdesk;

import io.estatedesk.shared.Texts;
import io.estatedesk.shared.BusinessClock;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.estatedesk.shared.PdfForms;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** 《来访登记簿》 of one day as a landscape A4 PDF, with the charter's columns and the times in and out. */
@Component
class VisitPdf {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(BusinessClock.ZONE);

	private static final String[] COLUMNS = java.util.stream.Stream.of("no", "identity", "name", "gender", "organization", "phone", "purpose",
			"people", "arrivedAt", "leftAt", "host").map(c -> Texts.zh("visit.pdf." + c)).toArray(String[]::new);

	private final PdfForms forms;

	VisitPdf(@Value("${estatedesk.pdf.font:}") String configuredFont) {
		this.forms = new PdfForms(configuredFont);
	}

	static String identity(FrontDesk.Identity i) {
		return Texts.zh("visit.identity." + i.name());
	}

	/**
	 * A text as its cell prints it: at most {@code max} characters (the form's limit; a longer one recorded before the
	 * limit ends with （略）); the cell wraps it to its width.
	 */
	static String cut(String text, int max) {
		if (text == null) {
			return "";
		}
		String t = text.strip();
		if (t.length() > max) {
			String more = Texts.zh("visit.pdf.more");
			t = t.substring(0, max - more.length()) + more;
		}
		return t;
	}

	byte[] render(LocalDate day, List<FrontDesk.Visit> visits) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document doc = new Document(PageSize.A4.rotate(), 30, 30, 36, 36);
		PdfWriter.getInstance(doc, out);
		doc.open();
		BaseFont bf = forms.font();
		Font title = new Font(bf, 15, Font.BOLD);
		Font head = new Font(bf, 9.5f, Font.BOLD);
		Font cell = new Font(bf, 9.5f);
		Paragraph t = new Paragraph(Texts.zh("visit.pdf.title", String.valueOf(day)), title);
		t.setAlignment(Element.ALIGN_CENTER);
		t.setSpacingAfter(10);
		doc.add(t);
		PdfPTable table = new PdfPTable(new float[] { 0.5f, 1f, 1f, 0.5f, 1.8f, 1.4f, 3.2f, 0.5f, 0.8f, 0.8f, 1f });
		table.setWidthPercentage(100);
		table.setHeaderRows(1);
		// a tall row starts on the page it reaches and goes on over the next (OpenPDF's default moves it to a new page
		// whole, leaving the first page blank but for the title when the row is taller than a page)
		table.setSplitLate(false);
		table.setSplitRows(true);
		for (String c : COLUMNS) {
			PdfPCell h = new PdfPCell(new Phrase(c, head));
			h.setPadding(4);
			h.setHorizontalAlignment(Element.ALIGN_CENTER);
			table.addCell(h);
		}
		int n = 0;
		for (FrontDesk.Visit v : visits) {
			String reason = cut(v.reason(), FrontDeskForms.REASON);
			String[] values = { String.valueOf(++n), identity(v.identity()), cut(v.name(), FrontDeskForms.NAME), v.gender(),
					cut(v.employer(), FrontDeskForms.EMPLOYER), v.phone(),
					v.unitLabel() == null ? reason : Texts.zh("visit.pdf.reasonAt", reason, v.unitLabel()),
					String.valueOf(v.people()), TIME.format(v.timeIn()), v.timeOut() == null ? "" : TIME.format(v.timeOut()),
					cut(v.host(), FrontDeskForms.HOST) };
			for (String value : values) {
				PdfPCell c = new PdfPCell(new Phrase(value == null ? "" : value, cell));
				c.setPadding(4);
				table.addCell(c);
			}
		}
		if (visits.isEmpty()) {
			PdfPCell none = new PdfPCell(new Phrase(Texts.zh("visit.pdf.none"), cell));
			none.setColspan(COLUMNS.length);
			none.setPadding(8);
			table.addCell(none);
		}
		doc.add(table);
		doc.close();
		return out.toByteArray();
	}

}
