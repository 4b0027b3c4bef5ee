package io.estatedesk.frontdesk;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The printed 来访登记簿 of a day carries the paper register's title and columns. */
class VisitPdfTests {

	static String text(byte[] pdf) throws Exception {
		try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			return new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", "");
		}
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

}
