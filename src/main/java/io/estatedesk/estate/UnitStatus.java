package io.estatedesk.estate;

/** Sales and occupancy state of a unit (房屋状态). */
public enum UnitStatus {

	/** 未售 */
	UNSOLD,
	/** 已售 */
	SOLD,
	/** 已交房 */
	HANDED_OVER,
	/** 已入住 */
	OCCUPIED,
	/** 出租 */
	RENTED,
	/** 空置 */
	VACANT;

}
