package io.estatedesk.repair;

/** How fast a repair is due. */
public enum Urgency {

	/** 紧急 (leaks, power, safety): the same day, counted in hours day and night */
	EMERGENCY,
	/** 一般: the trade's working days */
	NORMAL

}
