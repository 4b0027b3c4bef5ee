package io.estatedesk.complaint;

/** 原因类别: what 原因分析 found, counted on the dashboards (labels in messages as complaint.cause.*). */
public enum ComplaintCause {

	/** 设计缺陷 */
	DESIGN,
	/** 施工质量 */
	CONSTRUCTION,
	/** 材料设备 */
	MATERIAL,
	/** 配套设施未完善 */
	FACILITIES,
	/** 物业服务 */
	PROPERTY_SERVICE,
	/** 销售承诺 */
	SALES_PROMISE,
	/** 业主理解偏差 */
	MISUNDERSTANDING,
	/** 其他 */
	OTHER;

	static ComplaintCause parse(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return valueOf(value.strip());
		}
		catch (IllegalArgumentException e) {
			throw new io.estatedesk.shared.InvalidInputException(java.util.Map.of("causeType", "complaint.causeType.invalid"));
		}
	}

}
