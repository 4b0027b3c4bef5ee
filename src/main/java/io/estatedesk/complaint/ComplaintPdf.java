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
		doc.addTitle(c.developerName() + "客服部投诉处理单 " + c.code());
		doc.open();
		BaseFont bf = font();
		Font title = new Font(bf, 18, Font.BOLD);
		Font label = new Font(bf, 11, Font.BOLD);
		Font text = new Font(bf, 11);
		Font small = new Font(bf, 9);

		Paragraph heading = new Paragraph(c.developerName() + "客服部投诉处理单", title);
		heading.setAlignment(Element.ALIGN_CENTER);
		doc.add(heading);
		Paragraph code = new Paragraph("编号：" + c.code(), text);
		code.setAlignment(Element.ALIGN_RIGHT);
		code.setSpacingAfter(6);
		doc.add(code);

		PdfPTable head = new PdfPTable(new float[] { 1.5f, 2.5f, 1.3f, 2.7f });
		head.setWidthPercentage(100);
		pair(head, "项目：", c.projectName(), label, text);
		pair(head, "日期：", c.complaintDate().format(DATE), label, text);
		pair(head, "投诉人：", c.complainant(), label, text);
		pair(head, "投诉时间：", DATE_TIME.format(c.complainedAt()), label, text);
		pair(head, "投诉人房号：", c.unitLabel() == null ? "" : c.unitLabel(), label, text);
		pair(head, "接报人：", c.receiver(), label, text);
		doc.add(head);

		PdfPTable boxes = new PdfPTable(new float[] { 1.2f, 6.8f });
		boxes.setWidthPercentage(100);
		box(boxes, "投诉内容", c.content() + (c.remedy().isBlank() ? "" : "\n业主诉求：" + c.remedy()), 120, label, text);
		box(boxes, "原因分析", c.causeAnalysis(), 95, label, text);
		box(boxes, "整改措施", c.correctiveAction(), 95, label, text);
		box(boxes, "处理意见", c.handlingOpinion(), 95, label, text);
		String instruction = c.leaderInstruction()
				+ "\n\n签字：" + (c.leader() == null ? "______________" : c.leader())
				+ "        日期：" + (c.instructedAt() == null ? "______________" : DATE_TIME.format(c.instructedAt()));
		box(boxes, "领导批示", instruction, 110, label, text);
		doc.add(boxes);

		Paragraph footer = new Paragraph(String.join("    ", "渠道：" + channel(c.channel()), "类别：" + c.category(),
				"级别：" + (c.severity() == Severity.MAJOR ? "重大" : "一般"), "当前负责人：" + c.handler(),
				"打印时间：" + DATE_TIME.format(BusinessClock.now())), small);
		footer.setSpacingBefore(6);
		doc.add(footer);
		doc.close();
		return out.toByteArray();
	}

	static String channel(Channel ch) {
		return switch (ch) {
			case PHONE -> "来电";
			case VISIT -> "来访";
			case LETTER -> "信函/邮件";
			case ONLINE -> "网上";
			case GOVERNMENT -> "12345/政府转办";
			case MEDIA -> "媒体/网络";
			case INTERNAL -> "其他部门转来";
		};
	}

	private static void pair(PdfPTable t, String label, String value, Font lf, Font vf) {
		PdfForms.pair(t, label, value, lf, vf);
	}

	private static void box(PdfPTable t, String label, String value, float minHeight, Font lf, Font vf) {
		PdfForms.box(t, label, value, minHeight, lf, vf);
	}

}
