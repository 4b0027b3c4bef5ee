package io.estatedesk.repair;

/** Who pays for a repair. */
public enum Charge {

	/** 保修 (free under warranty) */
	WARRANTY,
	/** 有偿维修 (out of warranty, charged to the owner) */
	PAID,
	/** 免费维修（关怀） (out of warranty, free as a goodwill gesture) */
	GOODWILL

}
