package io.estatedesk.complaint;

import io.estatedesk.shared.BusinessClock;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
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
import io.estatedesk.shared.Texts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 打印处理单: an A4 PDF laid out like the paper 投诉处理单 of the charter §六(四) — title "{公司名}客服部投诉处理单" and
 * 编号, then 项目, 日期, 投诉人, 投诉时间, 投诉人房号, 接报人, and boxes for 投诉内容, 原因分析, 整改措施, 处理意见 and 领导批示 with
 * a signature line. Chinese is drawn with an installed CJK TrueType font when there is one (embedded), otherwise with
 * the STSong-Light font every Chinese PDF reader provides.
 */
@Component
class ComplaintPdf {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BusinessClock.ZONE);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private final PdfForms forms;

	ComplaintPdf(@Value("${estatedesk.pdf.font:}") String configuredFont) {
		this.forms = new PdfForms(configuredFont);
	}

	/** The installed CJK font, or the built-in Adobe font when none is installed (or the setting says "builtin"). */
	BaseFont font() {
		return forms.font();
	}

	byte[] render(ComplaintViews.Detail c) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document doc = new Document(PageSize.A4, 50, 50, 50, 50);
		PdfWriter.getInstance(doc, out);
		doc.addTitle(Texts.zh("complaint.form.title", c.developerName()) + " " + c.code());
		doc.open();
		BaseFont bf = font();
		Font title = new Font(bf, 18, Font.BOLD);
		Font label = new Font(bf, 11, Font.BOLD);
		Font text = new Font(bf, 11);
		Font small = new Font(bf, 9);

		Paragraph heading = new Paragraph(Texts.zh("complaint.form.title", c.developerName()), title);
		heading.setAlignment(Element.ALIGN_CENTER);
		doc.add(heading);
		Paragraph code = new Paragraph(Texts.zh("complaint.pdf.code", c.code()), text);
		code.setAlignment(Element.ALIGN_RIGHT);
		code.setSpacingAfter(6);
		doc.add(code);

		PdfPTable head = new PdfPTable(new float[] { 1.5f, 2.5f, 1.3f, 2.7f });
		head.setWidthPercentage(100);
		pair(head, Texts.zh("complaint.pdf.project"), c.projectName(), label, text);
		pair(head, Texts.zh("complaint.pdf.date"), c.complaintDate().format(DATE), label, text);
		pair(head, Texts.zh("complaint.pdf.complainant"), c.complainant(), label, text);
		pair(head, Texts.zh("complaint.pdf.complainedAt"), DATE_TIME.format(c.complainedAt()), label, text);
		pair(head, Texts.zh("complaint.pdf.unit"), c.unitLabel() == null ? "" : c.unitLabel(), label, text);
		pair(head, Texts.zh("complaint.pdf.receiver"), c.receiver(), label, text);
		doc.add(head);

		PdfPTable boxes = new PdfPTable(new float[] { 1.2f, 6.8f });
		boxes.setWidthPercentage(100);
		box(boxes, Texts.zh("complaint.pdf.content"), c.content() + (c.remedy().isBlank() ? "" : "\n" + Texts.zh("complaint.pdf.remedy", c.remedy())), 120, label, text);
		box(boxes, Texts.zh("complaint.pdf.causeAnalysis"), c.causeAnalysis(), 95, label, text);
		box(boxes, Texts.zh("complaint.pdf.correctiveAction"), c.correctiveAction(), 95, label, text);
		box(boxes, Texts.zh("complaint.pdf.handlingOpinion"), c.handlingOpinion(), 95, label, text);
		String instruction = c.leaderInstruction()
				+ "\n\n" + Texts.zh("complaint.pdf.signature") + (c.leader() == null ? "______________" : c.leader())
				+ "        " + Texts.zh("complaint.pdf.date") + (c.instructedAt() == null ? "______________" : DATE_TIME.format(c.instructedAt()));
		box(boxes, Texts.zh("complaint.pdf.instruction"), instruction, 110, label, text);
		doc.add(boxes);

		Paragraph footer = new Paragraph(String.join("    ", Texts.zh("complaint.pdf.channel", channel(c.channel())),
				Texts.zh("complaint.pdf.category", c.category()),
				Texts.zh("complaint.pdf.severity", Texts.zh("complaint.severity." + c.severity().name())),
				Texts.zh("complaint.pdf.handler", c.handler()), Texts.zh("complaint.pdf.printedAt", DATE_TIME.format(BusinessClock.now()))), small);
		footer.setSpacingBefore(6);
		doc.add(footer);
		doc.close();
		return out.toByteArray();
	}

	/** The channel's label as the pages show it ({@code complaint.channel.*}), in the department's language. */
	static String channel(Channel ch) {
		return Texts.zh("complaint.channel." + ch.name());
	}

	private static void pair(PdfPTable t, String label, String value, Font lf, Font vf) {
		PdfForms.pair(t, label, value, lf, vf);
	}

	private static void box(PdfPTable t, String label, String value, float minHeight, Font lf, Font vf) {
		PdfForms.box(t, label, value, minHeight, lf, vf);
	}

}
