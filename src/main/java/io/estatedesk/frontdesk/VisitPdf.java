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
		for (String c : COLUMNS) {
			PdfPCell h = new PdfPCell(new Phrase(c, head));
			h.setPadding(4);
			h.setHorizontalAlignment(Element.ALIGN_CENTER);
			table.addCell(h);
		}
		int n = 0;
		for (FrontDesk.Visit v : visits) {
			String[] values = { String.valueOf(++n), identity(v.identity()), v.name(), v.gender(), v.employer(), v.phone(),
					v.reason() + (v.unitLabel() == null ? "" : "（" + v.unitLabel() + "）"), String.valueOf(v.people()),
					TIME.format(v.timeIn()), v.timeOut() == null ? "" : TIME.format(v.timeOut()), v.host() };
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
