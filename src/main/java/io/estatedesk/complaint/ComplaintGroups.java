package io.estatedesk.complaint;

import java.util.Map;
import java.util.Objects;

import io.estatedesk.estate.ArchiveLookup;
import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.HistoryKind;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.Texts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** 群诉: the owners and homes a complaint speaks for, and complaints about the same matter handled as one group. */
@Component
class ComplaintGroups {

	private final ComplaintCases cases;

	private final ComplaintAccess access;

	private final ComplaintNotices notices;

	private final ArchiveLookup archive;

	private final JdbcTemplate jdbc;

	ComplaintGroups(ComplaintCases cases, ComplaintAccess access, ComplaintNotices notices, ArchiveLookup archive,
			JdbcTemplate jdbc) {
		this.cases = cases;
		this.access = access;
		this.notices = notices;
		this.archive = archive;
		this.jdbc = jdbc;
	}

	/** Another owner or unit this complaint speaks for. */
	void addParty(long id, Long ownerId, Long unitId, long version) {
		Complaint c = cases.load(id, version);
		access.requireHandlerOrManager(c);
		c.check(ComplaintAction.ADD_PARTY);
		String name;
		if (ownerId != null) {
			name = archive.owner(ownerId).map(ArchiveLookup.OwnerRef::name)
				.orElseThrow(() -> new InvalidInputException(Map.of("ownerId", "complaint.owner.unknown")));
		}
		else if (unitId != null) {
			name = archive.unit(unitId).map(ArchiveLookup.UnitRef::label)
				.orElseThrow(() -> new InvalidInputException(Map.of("unitId", "complaint.unit.unknown")));
		}
		else {
			throw new InvalidInputException(Map.of("ownerId", "complaint.party.required"));
		}
		jdbc.update("insert into complaint_party (complaint_id, owner_id, unit_id, name) values (?, ?, ?, ?)", c.id, ownerId,
				unitId, name);
		boolean becameGroup = !c.groupCase;
		c.groupCase = true;
		c.step(HistoryKind.PARTY, null, null, name, null);
		cases.save(c, access.actor());
		if (becameGroup) {
			becameGroup(c);
		}
	}

	/**
	 * Links another complaint about the same matter to this one, so they are handled as one group; the other
	 * complaint keeps its own record and history and shows the group it belongs to.
	 */
	void merge(long id, String otherCode, long version) {
		Complaint c = cases.load(id, version);
		access.requireHandlerOrManager(c);
		c.check(ComplaintAction.GROUP);
		if (otherCode == null || otherCode.isBlank()) {
			throw new InvalidInputException(Map.of("otherCode", "complaint.group.codeRequired"));
		}
		Long otherId = jdbc.queryForList("select id from complaint where code = ?", Long.class, otherCode.strip()).stream()
			.findFirst().orElseThrow(() -> new InvalidInputException(Map.of("otherCode", "complaint.group.unknown")));
		if (otherId == id) {
			throw new InvalidInputException(Map.of("otherCode", "complaint.group.self"));
		}
		Complaint other = cases.get(otherId);
		if (other.groupId != null || c.groupId != null) {
			throw new BusinessRuleException("complaint.group.already");
		}
		if (!Objects.equals(other.projectId, c.projectId)) {
			throw new InvalidInputException(Map.of("otherCode", "complaint.group.otherProject"));
		}
		boolean becameGroup = !c.groupCase;
		c.groupCase = true;
		c.step(HistoryKind.GROUPED, null, null, other.code, null);
		cases.save(c, access.actor());
		other.groupId = c.id;
		other.groupCase = true;
		other.step(HistoryKind.GROUPED, null, null, c.code, Texts.zh("complaint.history.grouped"));
		cases.save(other, access.actor());
		if (becameGroup) {
			becameGroup(c);
		}
	}

	private void becameGroup(Complaint c) {
		notices.tellPermitted(ComplaintManagement.ESCALATION, c, ComplaintNotices.quote(c.content), "complaint.notify.group",
				c.code);
	}

}
