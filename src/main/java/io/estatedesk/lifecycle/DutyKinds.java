package io.estatedesk.lifecycle;

import java.util.List;
import java.util.Map;

/**
 * What a duty item records, by kind: the record columns its form shows (labels from
 * {@code duty.field.<kind>.<field>}), and the page elsewhere in the system where the work itself is done.
 */
final class DutyKinds {

	private DutyKinds() {
	}

	static final Map<String, List<String>> FIELDS = Map.ofEntries(
			Map.entry("EARLY_INVOLVEMENT", List.of("recordDate", "title", "content", "response")),
			Map.entry("SITE_MEETING", List.of("recordDate", "title", "content")),
			Map.entry("SERVICE_STANDARD", List.of("recordDate", "title", "content")),
			Map.entry("FEE_FILING", List.of("counterparty", "amount", "title", "recordDate", "reference")),
			Map.entry("CONTRACTS", List.of("title", "reference", "recordDate", "content", "attachment")),
			Map.entry("OPINIONS", List.of("recordDate", "counterparty", "content")),
			Map.entry("TENDER", List.of("counterparty", "score", "awarded", "content", "recordDate")),
			Map.entry("TAKEOVER", List.of("recordDate", "content")), Map.entry("HANDOVER", List.of("recordDate", "content")),
			Map.entry("REPAIRS", List.of("recordDate", "content")), Map.entry("SUPERVISION", List.of("recordDate", "content")),
			Map.entry("ASSEMBLY", List.of("title", "recordDate", "reference", "content")),
			Map.entry("FACILITIES", List.of("recordDate", "title", "content", "attachment")),
			Map.entry("LAWS", List.of("title", "reference", "recordDate", "content")));

	/** The milestones of forming the owners' assembly and committee, offered as titles of its records. */
	static final List<String> ASSEMBLY_MILESTONES = List.of("与街道办事处、派出所、小区办沟通", "提交成立业主大会的书面报告",
			"成立首次业主大会会议筹备组", "召开首次业主大会会议", "选举产生业主委员会", "业主委员会备案");

	static List<String> fields(String kind) {
		return FIELDS.getOrDefault(kind, List.of("recordDate", "content"));
	}

	/** The page where the work of a kind is done, for a project; null when the item is recorded here only. */
	static String workPage(String kind, long projectId) {
		return switch (kind) {
			case "TAKEOVER" -> "/handover/takeover/" + projectId;
			case "HANDOVER" -> "/handover?projectId=" + projectId;
			case "REPAIRS" -> "/work-orders?projectId=" + projectId;
			case "SUPERVISION" -> "/supervision?projectId=" + projectId;
			case "FACILITIES" -> "/facilities?projectId=" + projectId;
			default -> null;
		};
	}

}
