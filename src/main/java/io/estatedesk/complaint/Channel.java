package io.estatedesk.complaint;

/** How the complaint reached the department (投诉渠道). */
public enum Channel {

	/** 来电 */
	PHONE,
	/** 来访 */
	VISIT,
	/** 信函/邮件 */
	LETTER,
	/** 网上 */
	ONLINE,
	/** 12345/政府转办 */
	GOVERNMENT,
	/** 媒体/网络 */
	MEDIA,
	/** 其他部门转来 */
	INTERNAL;

}
