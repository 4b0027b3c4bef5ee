package io.estatedesk.frontdesk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The printed 来访登记簿 of a day carries the paper register's title and columns. */
class VisitPdfTests {

	static String text(byte[] pdf) throws Exception {
		try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			return new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", "");
		}
	}

	/** The text of one page (1-based). */
	static String page(PDDocument doc, int page) throws Exception {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setStartPage(page);
		stripper.setEndPage(page);
		return stripper.getText(doc).replaceAll("\\s+", "");
	}

	static FrontDesk.Visit visit(String name, String reason) {
		Instant in = LocalDate.of(2026, 3, 10).atTime(9, 30).atZone(io.estatedesk.shared.BusinessClock.ZONE).toInstant();
		return new FrontDesk.Visit(1, FrontDesk.Identity.CONTRACTOR, name, "", "北京宏达装饰工程有限公司", "137****5678", reason, 2, in,
				null, "陈内勤", null, null, null, null, null, null, null, "office");
	}

	@Test
	void aDayWithoutVisitorsPrintsTheTitleTheColumnsAndSaysSo() throws Exception {
		String text = text(new VisitPdf("builtin").render(LocalDate.of(2026, 3, 10), List.of()));
		assertThat(text).contains("来访登记簿2026-03-10", "序号", "身份", "姓名", "性别", "工作单位", "联系电话", "来访事由", "人数",
				"来访时间", "离开时间", "接待人", "当日无来访。");
	}

	@Test
	void identitiesAreLabelledAsOnThePages() {
		assertThat(VisitPdf.identity(FrontDesk.Identity.RESIDENT)).isEqualTo("住户/家属");
		assertThat(VisitPdf.identity(FrontDesk.Identity.OFFICIAL)).isEqualTo("政府/单位");
	}

	@Test
	void aReasonAsLongAsTheFormAllowsWrapsInItsCellOnTheFirstPage() throws Exception {
		String reason = "装修登记并咨询水电改造审批材料".repeat(40).substring(0, FrontDeskForms.REASON);
		byte[] pdf = new VisitPdf("builtin").render(LocalDate.of(2026, 3, 10),
				List.of(visit("郑师傅", reason), visit("刘科长", "商议首次业主大会筹备")));
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			assertThat(doc.getNumberOfPages()).isEqualTo(1);
			assertThat(page(doc, 1)).contains("来访登记簿2026-03-10", "序号", "郑师傅", reason, "刘科长", "商议首次业主大会筹备");
		}
	}

	@Test
	void aHugeReasonRecordedBeforeTheLimitIsCutAndTheRegisterNeverStartsWithABlankPage() throws Exception {
		String reason = "墙面开裂".repeat(5000);
		byte[] pdf = new VisitPdf("builtin").render(LocalDate.of(2026, 3, 10),
				List.of(visit("郑师傅", reason), visit("刘科长", "商议首次业主大会筹备")));
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			assertThat(doc.getNumberOfPages()).as("20,000 characters cut to the form's 500").isEqualTo(1);
			String first = page(doc, 1);
			assertThat(first).contains("来访登记簿2026-03-10", "序号", "郑师傅", "墙面开裂墙面开裂", "（略）", "刘科长");
			assertThat(first.length()).isLessThan(FrontDeskForms.REASON + 300);
		}
		assertThat(VisitPdf.cut(reason, FrontDeskForms.REASON)).hasSize(FrontDeskForms.REASON).endsWith("（略）");
		assertThat(VisitPdf.cut("  办理装修登记 ", FrontDeskForms.REASON)).isEqualTo("办理装修登记");
	}

}
