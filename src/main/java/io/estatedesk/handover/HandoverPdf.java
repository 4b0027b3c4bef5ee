package io.estatedesk.handover;

import io.estatedesk.shared.BusinessClock;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
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
 * 交房确认书: an A4 PDF per unit — the home and its owner, the inspection (every failed item with its work order), the
 * documents, keys and meter readings handed over, and the signatures of the owner and the developer.
 */
@Component
class HandoverPdf {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BusinessClock.ZONE);

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
		Paragraph t = new Paragraph(u.developerName() + "交房确认书", title);
		t.setAlignment(Element.ALIGN_CENTER);
		t.setSpacingAfter(12);
		doc.add(t);

		PdfPTable head = new PdfPTable(new float[] { 1.5f, 2f, 1.5f, 2f });
		head.setWidthPercentage(100);
		PdfForms.pair(head, "房屋", u.unitLabel(), label, value);
		PdfForms.pair(head, "建筑面积", u.area() == null ? "" : u.area().stripTrailingZeros().toPlainString() + " ㎡", label, value);
		PdfForms.pair(head, "业主", u.ownerName(), label, value);
		PdfForms.pair(head, "交房批次", u.batchName(), label, value);
		PdfForms.pair(head, "验房时间", u.inspectedAt() == null ? "" : DATE_TIME.format(u.inspectedAt()), label, value);
		PdfForms.pair(head, "交房日期", u.handoverDate() == null ? "" : u.handoverDate().toString(), label, value);
		doc.add(head);

		Paragraph checks = new Paragraph("验房情况", label);
		checks.setSpacingBefore(10);
		checks.setSpacingAfter(4);
		doc.add(checks);
		PdfPTable list = new PdfPTable(new float[] { 1.1f, 3.2f, 0.8f, 2.6f });
		list.setWidthPercentage(100);
		for (String h : new String[] { "部位", "检查项目", "结果", "问题及维修工单" }) {
			PdfPCell c = new PdfPCell(new Phrase(h, label));
			c.setPadding(4);
			list.addCell(c);
		}
		for (HandoverQueries.Result r : results) {
			if (r.ok() == null) {
				continue;
			}
			list.addCell(cell(r.room(), small));
			list.addCell(cell(r.item(), small));
			list.addCell(cell(r.ok() ? "合格" : "不合格", small));
			list.addCell(cell(r.ok() ? "" : r.note() + (r.workOrderCode() == null ? "" : "（" + r.workOrderCode() + "）"), small));
		}
		doc.add(list);

		Paragraph handed = new Paragraph("移交资料、钥匙和表底数", label);
		handed.setSpacingBefore(10);
		handed.setSpacingAfter(4);
		doc.add(handed);
		PdfPTable docs = new PdfPTable(new float[] { 1.5f, 2f, 1.5f, 2f });
		docs.setWidthPercentage(100);
		PdfForms.pair(docs, "住宅质量保证书", u.qualityGuarantee() ? "已交付" : "", label, value);
		PdfForms.pair(docs, "住宅使用说明书", u.usageManual() ? "已交付" : "", label, value);
		PdfForms.pair(docs, "钥匙", u.keysCount() == null ? "" : u.keysCount() + " 把", label, value);
		PdfForms.pair(docs, "水表读数", reading(u.waterReading()), label, value);
		PdfForms.pair(docs, "电表读数", reading(u.electricityReading()), label, value);
		PdfForms.pair(docs, "燃气表读数", reading(u.gasReading()), label, value);
		doc.add(docs);

		Paragraph note = new Paragraph("业主已验收上述房屋并收到上述资料和钥匙。验房中发现的问题由开发商负责维修，维修进度可向客户服务部查询。"
				+ "房屋保修期自交房日期起计算。", small);
		note.setSpacingBefore(10);
		doc.add(note);

		PdfPTable sign = new PdfPTable(2);
		sign.setWidthPercentage(100);
		sign.setSpacingBefore(24);
		sign.addCell(plain("业主签字：" + (u.confirmedBy() == null ? "" : u.confirmedBy()), value));
		sign.addCell(plain("开发商（客户服务部）签字：", value));
		sign.addCell(plain("日期：" + (u.handoverDate() == null ? "" : u.handoverDate()), value));
		sign.addCell(plain("日期：", value));
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
