package io.estatedesk.complaint;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The printed 投诉处理单 holds every label of the paper form and every value, with or without a CJK font. */
class ComplaintPdfTests {

	static ComplaintViews.Detail sample() {
		Instant at = Instant.parse("2026-03-10T02:30:00Z");
		// by name, so that a field added to the sheet needs no change here
		return io.estatedesk.shared.Records.of(ComplaintViews.Detail.class, java.util.Map.ofEntries(
				java.util.Map.entry("id", 1L), java.util.Map.entry("code", "TS-2026-000123"), java.util.Map.entry("projectId", 1L),
				java.util.Map.entry("projectName", "金第家园"), java.util.Map.entry("developerName", "金第房地产开发公司"),
				java.util.Map.entry("complaintDate", LocalDate.of(2026, 3, 10)), java.util.Map.entry("complainant", "张三"),
				java.util.Map.entry("complainedAt", at), java.util.Map.entry("unitId", 5L),
				java.util.Map.entry("unitLabel", "金第家园 1号楼 1-0101"), java.util.Map.entry("ownerId", 7L),
				java.util.Map.entry("ownerName", "张三"), java.util.Map.entry("contactPhone", "138****5678"),
				java.util.Map.entry("receiverId", 2L), java.util.Map.entry("receiver", "陈内勤"), java.util.Map.entry("handlerId", 2L),
				java.util.Map.entry("handler", "陈内勤"), java.util.Map.entry("channel", Channel.PHONE),
				java.util.Map.entry("categoryId", 1L), java.util.Map.entry("category", "房屋质量"),
				java.util.Map.entry("severity", Severity.MAJOR), java.util.Map.entry("content", "厨房顶棚漏水三天"),
				java.util.Map.entry("remedy", "尽快维修"), java.util.Map.entry("causeType", "CONSTRUCTION"),
				java.util.Map.entry("causeAnalysis", "楼上卫生间防水层破损"), java.util.Map.entry("correctiveAction", "施工单位重做防水"),
				java.util.Map.entry("handlingOpinion", "同意整改"), java.util.Map.entry("leaderInstruction", "尽快处理结果报我"),
				java.util.Map.entry("leader", "赵总"), java.util.Map.entry("instructedAt", at), java.util.Map.entry("replyContent", ""),
				java.util.Map.entry("state", ComplaintState.PENDING_REPLY), java.util.Map.entry("ackDue", at),
				java.util.Map.entry("replyDue", at), java.util.Map.entry("closeDue", at), java.util.Map.entry("acknowledgedAt", at),
				java.util.Map.entry("returnResult", ""), java.util.Map.entry("lesson", ""), java.util.Map.entry("version", 3L)));
	}

	/** The text a PDF reader extracts (PDFBox, independent of the library that wrote the file). */
	static String text(byte[] pdf) throws Exception {
		try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			return new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", "");
		}
	}

	void holdsEveryLabelAndValue(ComplaintPdf pdf) throws Exception {
		String text = text(pdf.render(sample()));
		assertThat(text).contains("金第房地产开发公司客服部投诉处理单", "编号：TS-2026-000123", "项目：", "金第家园", "日期：", "2026-03-10",
				"投诉人：", "张三", "投诉时间：", "2026-03-1010:30", "投诉人房号：", "金第家园1号楼1-0101", "接报人：", "陈内勤", "投诉内容",
				"厨房顶棚漏水三天", "原因分析", "楼上卫生间防水层破损", "整改措施", "施工单位重做防水", "处理意见", "同意整改", "领导批示",
				"尽快处理结果报我", "签字：赵总");
		// the paper form's order
		assertThat(text.indexOf("投诉内容")).isLessThan(text.indexOf("原因分析"));
		assertThat(text.indexOf("原因分析")).isLessThan(text.indexOf("整改措施"));
		assertThat(text.indexOf("整改措施")).isLessThan(text.indexOf("处理意见"));
		assertThat(text.indexOf("处理意见")).isLessThan(text.indexOf("领导批示"));
	}

	@Test
	void holdsEveryLabelAndValueWithTheBuiltInChineseFont() throws Exception {
		holdsEveryLabelAndValue(new ComplaintPdf("builtin"));
	}

	@Test
	void holdsEveryLabelAndValueWithAnInstalledFontWhenThereIsOne() throws Exception {
		ComplaintPdf pdf = new ComplaintPdf("");
		org.junit.jupiter.api.Assumptions.assumeTrue(
				java.nio.file.Files.exists(java.nio.file.Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")),
				"fonts-wqy-zenhei not installed");
		holdsEveryLabelAndValue(pdf);
	}

	@Test
	void printsTheChannelAndSeverityWithTheLabelsThePagesShow() throws Exception {
		String text = text(new ComplaintPdf("builtin").render(sample()));
		assertThat(text).contains("渠道：来电", "级别：重大", "业主诉求：尽快维修", "当前负责人：陈内勤");
		java.util.Properties zh = new java.util.Properties();
		try (var in = getClass().getClassLoader().getResourceAsStream("messages_zh_CN.properties")) {
			zh.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
		}
		for (Channel ch : Channel.values()) {
			assertThat(ComplaintPdf.channel(ch)).as("%s", ch).isEqualTo(zh.getProperty("complaint.channel." + ch.name()));
		}
	}

}
