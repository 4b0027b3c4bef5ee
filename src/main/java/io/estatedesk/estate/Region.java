package io.estatedesk.estate;

/**
 * Where a project lies, as far as rules that differ by region care: Beijing has its own 《北京市物业管理条例》; for a
 * project elsewhere the national rules apply.
 */
public enum Region {

	/** 北京市 */
	BEIJING,
	/** 其他地区: the national rules */
	OTHER

}
