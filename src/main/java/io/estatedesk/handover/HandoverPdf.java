package io.estatedesk.handover;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
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
import io.estatedesk.shared.Strings;
import io.estatedesk.shared.Texts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 交房确认书: an A4 PDF per unit — the home and its owner, the inspection (every failed item with its work order), the
 * documents, keys and meter readings handed over, and the signatures of the owner and the developer.
 */
@Component
class HandoverPdf {

	private final PdfForms forms;

	HandoverPdf(@Value("${estatedesk.pdf.font:}") String configuredFont) {
		this.forms = new PdfForms(configuredFont);
	}

	byte[] render(HandoverQueries.UnitDetail u, List<HandoverQueries.Result> results) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document doc = new Document(PageSize.A4, 50, 50, 50, 50);
		PdfWriter.getInstance(doc, out);
		doc.open();
		BaseFont bf = forms.font();
		Font title = new Font(bf, 16, Font.BOLD);
		Font label = new Font(bf, 10.5f, Font.BOLD);
		Font value = new Font(bf, 10.5f);
		Font small = new Font(bf, 9);
		Paragraph t = new Paragraph(Texts.zh("handover.pdf.title", Strings.orEmpty(u.developerName())), title);
		t.setAlignment(Element.ALIGN_CENTER);
		t.setSpacingAfter(12);
		doc.add(t);

		PdfPTable head = new PdfPTable(new float[] { 1.5f, 2f, 1.5f, 2f });
		head.setWidthPercentage(100);
		PdfForms.pair(head, Texts.zh("handover.pdf.unit"), u.unitLabel(), label, value);
		PdfForms.pair(head, Texts.zh("handover.pdf.area"),
				u.area() == null ? "" : Texts.zh("handover.pdf.areaValue", u.area().stripTrailingZeros().toPlainString()), label, value);
		PdfForms.pair(head, Texts.zh("handover.pdf.owner"), u.ownerName(), label, value);
		PdfForms.pair(head, Texts.zh("handover.pdf.batch"), u.batchName(), label, value);
		PdfForms.pair(head, Texts.zh("handover.pdf.inspectedAt"), Strings.minute(u.inspectedAt()), label, value);
		PdfForms.pair(head, Texts.zh("handover.pdf.handoverDate"), u.handoverDate() == null ? "" : u.handoverDate().toString(), label, value);
		doc.add(head);

		Paragraph checks = new Paragraph(Texts.zh("handover.pdf.inspection"), label);
		checks.setSpacingBefore(10);
		checks.setSpacingAfter(4);
		doc.add(checks);
		PdfPTable list = new PdfPTable(new float[] { 1.1f, 3.2f, 0.8f, 2.6f });
		list.setWidthPercentage(100);
		for (String h : new String[] { "handover.pdf.col.room", "handover.pdf.col.item", "handover.pdf.col.result",
				"handover.pdf.col.defect" }) {
			PdfPCell c = new PdfPCell(new Phrase(Texts.zh(h), label));
			c.setPadding(4);
			list.addCell(c);
		}
		for (HandoverQueries.Result r : results) {
			if (r.ok() == null) {
				continue;
			}
			list.addCell(cell(r.room(), small));
			list.addCell(cell(r.item(), small));
			list.addCell(cell(Texts.zh(r.ok() ? "handover.pdf.ok" : "handover.pdf.failed"), small));
			list.addCell(cell(r.ok() ? "" : r.workOrderCode() == null ? r.note()
					: Texts.zh("handover.pdf.defectOrder", r.note(), r.workOrderCode()), small));
		}
		doc.add(list);

		Paragraph handed = new Paragraph(Texts.zh("handover.pdf.handed"), label);
		handed.setSpacingBefore(10);
		handed.setSpacingAfter(4);
		doc.add(handed);
		PdfPTable docs = new PdfPTable(new float[] { 1.5f, 2f, 1.5f, 2f });
		docs.setWidthPercentage(100);
		PdfForms.pair(docs, Texts.zh("handover.pdf.qualityGuarantee"), u.qualityGuarantee() ? Texts.zh("handover.pdf.delivered") : "", label, value);
		PdfForms.pair(docs, Texts.zh("handover.pdf.usageManual"), u.usageManual() ? Texts.zh("handover.pdf.delivered") : "", label, value);
		PdfForms.pair(docs, Texts.zh("handover.pdf.keys"),
				u.keysCount() == null ? "" : Texts.zh("handover.pdf.keysValue", u.keysCount()), label, value);
		PdfForms.pair(docs, Texts.zh("handover.pdf.water"), reading(u.waterReading()), label, value);
		PdfForms.pair(docs, Texts.zh("handover.pdf.electricity"), reading(u.electricityReading()), label, value);
		PdfForms.pair(docs, Texts.zh("handover.pdf.gas"), reading(u.gasReading()), label, value);
		doc.add(docs);

		Paragraph note = new Paragraph(Texts.zh("handover.pdf.statement"), small);
		note.setSpacingBefore(10);
		doc.add(note);

		PdfPTable sign = new PdfPTable(2);
		sign.setWidthPercentage(100);
		sign.setSpacingBefore(24);
		sign.addCell(plain(Texts.zh("handover.pdf.ownerSignature", Strings.orEmpty(u.confirmedBy())), value));
		sign.addCell(plain(Texts.zh("handover.pdf.developerSignature"), value));
		sign.addCell(plain(Texts.zh("handover.pdf.date", u.handoverDate() == null ? "" : u.handoverDate().toString()), value));
		sign.addCell(plain(Texts.zh("handover.pdf.date", ""), value));
		doc.add(sign);
		doc.close();
		return out.toByteArray();
	}

	private static String reading(BigDecimal v) {
		return v == null ? "" : v.stripTrailingZeros().toPlainString();
	}

	private static PdfPCell cell(String text, Font f) {
		PdfPCell c = new PdfPCell(new Phrase(text == null ? "" : text, f));
		c.setPadding(4);
		return c;
	}

	private static PdfPCell plain(String text, Font f) {
		PdfPCell c = new PdfPCell(new Phrase(text, f));
		c.setBorder(0);
		c.setPaddingBottom(14);
		return c;
	}

}
