package io.estatedesk.estate;

import java.util.ArrayList;
import java.util.List;

/** The filters of the owner and unit lists, applied in the database. */
record OwnerFilter(Long projectId, Long buildingId, UnitStatus status, String name, String phone, String room) {

	static OwnerFilter none() {
		return new OwnerFilter(null, null, null, null, null, null);
	}

	String nameValue() {
		return blank(name) ? null : name.strip();
	}

	String phoneValue() {
		return blank(phone) ? null : phone.strip().replace(" ", "");
	}

	String roomValue() {
		return blank(room) ? null : room.strip();
	}

	boolean hasUnitFilter() {
		return projectId != null || buildingId != null || status != null || roomValue() != null;
	}

	/** A readable description for the audit trail of exports. */
	String describe() {
		List<String> parts = new ArrayList<>();
		if (projectId != null) {
			parts.add("项目ID=" + projectId);
		}
		if (buildingId != null) {
			parts.add("楼栋ID=" + buildingId);
		}
		if (status != null) {
			parts.add("状态=" + status);
		}
		if (nameValue() != null) {
			parts.add("姓名=" + nameValue());
		}
		if (phoneValue() != null) {
			parts.add("电话=" + phoneValue());
		}
		if (roomValue() != null) {
			parts.add("房号=" + roomValue());
		}
		return parts.isEmpty() ? "全部" : String.join("，", parts);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

}
