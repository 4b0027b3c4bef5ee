package io.estatedesk.estate;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may read of the archive: projects, units and owners by ID, as plain records.
 */
@Service
@Transactional(readOnly = true)
public class ArchiveLookup {

	/** A project and the developer name printed on its forms. */
	public record ProjectRef(long id, String name, String developerName) {
	}

	/**
	 * A unit with its place in the project, e.g. "金第家园 1号楼 1-0101", the day it was handed over to its owner (null
	 * while not handed over) and the project's design life in years (合理使用年限, the warranty of its structure).
	 */
	public record UnitRef(long id, long projectId, String projectName, String developerName, long buildingId,
			String buildingName, String roomNo, java.time.LocalDate handoverDate, int designLifeYears) {

		public String label() {
			return projectName + " " + buildingName + " " + roomNo;
		}
	}

	/** An owner's name and (unmasked) contact numbers; callers mask them for display. */
	public record OwnerRef(long id, String name, String mobile, String otherPhone) {
	}

	private final JdbcTemplate jdbc;

	ArchiveLookup(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public List<ProjectRef> projects() {
		return jdbc.query("select id, name, developer_name from project order by name",
				(rs, i) -> new ProjectRef(rs.getLong(1), rs.getString(2), rs.getString(3)));
	}

	public Optional<ProjectRef> project(long id) {
		return jdbc.query("select id, name, developer_name from project where id = ?",
				(rs, i) -> new ProjectRef(rs.getLong(1), rs.getString(2), rs.getString(3)), id).stream().findFirst();
	}

	public Optional<UnitRef> unit(long id) {
		return jdbc.query("""
				select u.id, u.project_id, p.name, p.developer_name, b.id, b.name, u.room_no, u.handover_date,
				       p.design_life_years from unit u
				join building b on b.id = u.building_id join project p on p.id = u.project_id where u.id = ?""",
				(rs, i) -> new UnitRef(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
						rs.getString(6), rs.getString(7), rs.getObject(8, java.time.LocalDate.class), rs.getInt(9)),
				id).stream().findFirst();
	}

	public Optional<OwnerRef> owner(long id) {
		return jdbc.query("select id, name, mobile, other_phone from owner where id = ?",
				(rs, i) -> new OwnerRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)), id).stream()
			.findFirst();
	}

	/**
	 * A project's floor area in the archive and how much of it has been handed over, with the project's region, for the
	 * owners' assembly trigger (交付的专有部分面积 against the total, by the region's rule).
	 */
	public record ProjectArea(java.math.BigDecimal total, java.math.BigDecimal delivered, long units, long deliveredUnits,
			java.time.LocalDate firstHandover, Region region) {
	}

	public ProjectArea area(long projectId) {
		return jdbc.queryForObject("""
				select coalesce(sum(u.area), 0), coalesce(sum(u.area) filter (where u.handover_date is not null), 0),
				       count(u.id), count(u.id) filter (where u.handover_date is not null), min(u.handover_date), p.region
				from project p left join unit u on u.project_id = p.id where p.id = ? group by p.id""",
				(rs, i) -> new ProjectArea(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getLong(3), rs.getLong(4),
						rs.getObject(5, java.time.LocalDate.class), Region.valueOf(rs.getString(6))), projectId);
	}

	public record BuildingRef(long id, String name) {
	}

	/** A possible caller: an owner and one of the homes they hold now (or none). */
	public record Caller(long ownerId, String name, String mobile, String otherPhone, Long unitId, Long projectId,
			String unitLabel) {
	}

	/**
	 * Owners a caller may be: by phone number (4 or more digits, anywhere in a mobile or other phone) or by room number
	 * (e.g. 1-0101); at most 20.
	 */
	public List<Caller> callers(String query) {
		String q = query == null ? "" : query.strip();
		if (q.isEmpty()) {
			return List.of();
		}
		boolean phone = q.matches("\\d{4,}");
		String where = phone ? "(o.mobile like ? or o.other_phone like ?)" : "u.room_no = ?";
		Object[] args = phone ? new Object[] { "%" + q + "%", "%" + q + "%" } : new Object[] { q };
		return jdbc.query("""
				select o.id, o.name, o.mobile, o.other_phone, u.id unit_id, u.project_id, p.name || ' ' || b.name || ' ' || u.room_no label
				from owner o
				left join ownership s on s.owner_id = o.id and s.active
				left join unit u on u.id = s.unit_id
				left join building b on b.id = u.building_id
				left join project p on p.id = u.project_id
				where """ + " " + where + " order by o.name, label limit 20", (rs, i) -> new Caller(rs.getLong(1), rs.getString(2),
				rs.getString(3), rs.getString(4), (Long) rs.getObject(5), (Long) rs.getObject(6), rs.getString(7)), args);
	}

	public List<BuildingRef> buildings(long projectId) {
		return jdbc.query("select id, name from building where project_id = ? order by name",
				(rs, i) -> new BuildingRef(rs.getLong(1), rs.getString(2)), projectId);
	}

	/** The current owners of a unit. */
	public List<OwnerRef> ownersOf(long unitId) {
		return jdbc.query("""
				select o.id, o.name, o.mobile, o.other_phone from ownership s join owner o on o.id = s.owner_id
				where s.unit_id = ? and s.active order by s.id""",
				(rs, i) -> new OwnerRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)), unitId);
	}

}
