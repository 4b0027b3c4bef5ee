package io.estatedesk.lifecycle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import io.estatedesk.estate.Region;

/**
 * When the first owners' assembly is due, by the rule of the project's region: the exclusive area delivered to owners
 * against the building's total area. Neither the national rules nor Beijing's regulation adds a time clause (some
 * provinces do; they are not offered until their text is entered here).
 */
final class AssemblyTrigger {

	private AssemblyTrigger() {
	}

	/**
	 * How a regulation words the share. 《民法典》第一千二百五十九条: “以上”包括本数，“超过”不包括本数 — so half itself
	 * is enough where the rule says 50 % 以上 and not enough where it says 超过 50 %.
	 */
	enum Threshold {

		/** 超过 50 %: more than half */
		MORE_THAN_HALF,
		/** 50 % 以上: half or more */
		HALF_OR_MORE

	}

	/**
	 * A region's rule and where it is written: the regulation, who issued it and when, the article and its words.
	 */
	record Rule(String code, String regulation, String issued, String article, String text, Threshold threshold) {
	}

	/** The national rules, for a project outside a region with its own regulation. */
	static final Rule NATIONAL = new Rule("NATIONAL", "《业主大会和业主委员会指导规则》",
			"住房和城乡建设部 建房〔2009〕274号，2009年12月1日印发，2010年1月1日起施行", "第十条",
			"物业管理区域内，已交付的专有部分面积超过建筑物总面积50%时，建设单位应当按照物业所在地的区、县房地产行政主管部门"
					+ "或者街道办事处、乡镇人民政府的要求，及时报送筹备首次业主大会会议所需的文件资料。",
			Threshold.MORE_THAN_HALF);

	/**
	 * Beijing's regulation. The chapter is cited rather than an article number, and the rule is stated in its terms
	 * (已交付业主的专有部分面积达到建筑物总面积百分之五十以上) rather than quoted at length.
	 */
	static final Rule BEIJING = new Rule("BEIJING", "《北京市物业管理条例》",
			"北京市第十五届人民代表大会常务委员会第二十次会议2020年3月27日通过，2020年5月1日起施行", "第四章第一节 业主和业主大会",
			"物业管理区域内已交付业主的专有部分面积达到建筑物总面积百分之五十以上的，应当筹备召开首次业主大会会议；"
					+ "条例未设首次交付满一定年限的时间条件。",
			Threshold.HALF_OR_MORE);

	static Rule of(Region region) {
		return switch (region == null ? Region.BEIJING : region) {
			case BEIJING -> BEIJING;
			case OTHER -> NATIONAL;
		};
	}

	/**
	 * @param percent delivered area as a percentage of the total, rounded down to two decimals (0 when nothing is
	 * recorded); the rule compares the exact share
	 * @param firstHandover the first delivery, shown for reference (no rule offered here counts time from it)
	 */
	record Status(Region region, Rule rule, BigDecimal totalArea, BigDecimal deliveredArea, BigDecimal percent,
			LocalDate firstHandover, boolean triggered) {
	}

	static Status evaluate(Region region, BigDecimal total, BigDecimal delivered, LocalDate firstHandover) {
		Rule rule = of(region);
		boolean any = total != null && total.signum() > 0;
		BigDecimal percent = !any ? BigDecimal.ZERO.setScale(2)
				: delivered.multiply(BigDecimal.valueOf(100)).divide(total, 2, RoundingMode.DOWN);
		int twice = !any ? -1 : delivered.multiply(BigDecimal.valueOf(2)).compareTo(total);
		boolean triggered = any && (rule.threshold() == Threshold.HALF_OR_MORE ? twice >= 0 : twice > 0);
		return new Status(region, rule, total, delivered, percent, firstHandover, triggered);
	}

}
