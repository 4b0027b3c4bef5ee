package io.estatedesk.estate;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.estatedesk.estate.Views.BuildingView;
import io.estatedesk.estate.Views.HouseholdView;
import io.estatedesk.estate.Views.OwnerRow;
import io.estatedesk.estate.Views.OwnerView;
import io.estatedesk.estate.Views.OwnershipView;
import io.estatedesk.estate.Views.ProjectView;
import io.estatedesk.estate.Views.UnitView;
import io.estatedesk.shared.NotFoundException;
import io.estatedesk.shared.Slice;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of the archive, filtered, counted and paged in the database. Returns raw numbers; callers mask them.
 */
@Component
@Transactional(readOnly = true)
class ArchiveQueries {

	private static final String UNIT_LABEL = "p.name || ' ' || b.name || ' ' || u.room_no";

	private final NamedParameterJdbcTemplate jdbc;

	/** For exports: fetches rows in batches instead of all at once. */
	private final NamedParameterJdbcTemplate streaming;

	ArchiveQueries(javax.sql.DataSource dataSource) {
		this.jdbc = new NamedParameterJdbcTemplate(dataSource);
		org.springframework.jdbc.core.JdbcTemplate t = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
		t.setFetchSize(500);
		this.streaming = new NamedParameterJdbcTemplate(t);
	}

	// ---- projects and buildings

	List<ProjectView> projects() {
		return jdbc.query("""
				select p.*, (select count(*) from building b where b.project_id = p.id) buildings,
				       (select count(*) from unit u where u.project_id = p.id) units
				from project p order by p.name""", (rs, i) -> project(rs));
	}

	ProjectView project(long id) {
		return jdbc.query("""
				select p.*, (select count(*) from building b where b.project_id = p.id) buildings,
				       (select count(*) from unit u where u.project_id = p.id) units
				from project p where p.id = :id""", new MapSqlParameterSource("id", id), (rs, i) -> project(rs))
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("project.notFound"));
	}

	private static ProjectView project(ResultSet rs) throws SQLException {
		return new ProjectView(rs.getLong("id"), rs.getString("name"), rs.getString("address"),
				rs.getString("developer_name"), rs.getString("notes"), Region.valueOf(rs.getString("region")),
				rs.getInt("design_life_years"), rs.getLong("buildings"), rs.getLong("units"),
				rs.getLong("version"));
	}

	List<BuildingView> buildings(Long projectId) {
		MapSqlParameterSource params = new MapSqlParameterSource("projectId", projectId);
		return jdbc.query("""
				select b.*, p.name project_name, (select count(*) from unit u where u.building_id = b.id) units
				from building b join project p on p.id = b.project_id
				where (cast(:projectId as bigint) is null or b.project_id = :projectId)
				order by p.name, length(b.name), b.name""", params, (rs, i) -> building(rs));
	}

	BuildingView building(long id) {
		return jdbc.query("""
				select b.*, p.name project_name, (select count(*) from unit u where u.building_id = b.id) units
				from building b join project p on p.id = b.project_id where b.id = :id""",
				new MapSqlParameterSource("id", id), (rs, i) -> building(rs))
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("building.notFound"));
	}

	private static BuildingView building(ResultSet rs) throws SQLException {
		return new BuildingView(rs.getLong("id"), rs.getLong("project_id"), rs.getString("project_name"),
				rs.getString("name"), (Integer) rs.getObject("floors"), rs.getLong("units"), rs.getLong("version"));
	}

	// ---- units

	private static final String UNIT_SELECT = """
			select u.*, p.name project_name, b.name building_name,
			       (select string_agg(o.name, '、' order by s.id) from ownership s join owner o on o.id = s.owner_id
			        where s.unit_id = u.id and s.active) owners
			from unit u join building b on b.id = u.building_id join project p on p.id = u.project_id
			""";

	Slice<UnitView> units(OwnerFilter f, int page, int size) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = unitWhere(f, params);
		params.addValue("limit", size + 1).addValue("offset", (long) page * size);
		List<UnitView> items = jdbc.query("with page as (select u.id from unit u" + where
				+ " order by u.project_id, u.building_id, u.room_no limit :limit offset :offset) " + UNIT_SELECT
				+ " join page on page.id = u.id order by u.project_id, u.building_id, u.room_no", params, (rs, i) -> unit(rs));
		return Slice.of(items, page, size,
				() -> jdbc.queryForObject(Slice.boundedCount("select u.id from unit u" + where), params, Long.class));
	}

	void eachUnit(OwnerFilter f, RowCallbackHandler handler) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		streaming.query(UNIT_SELECT + unitWhere(f, params) + " order by u.project_id, u.building_id, u.room_no", params, handler);
	}

	private static String unitWhere(OwnerFilter f, MapSqlParameterSource params) {
		List<String> c = new ArrayList<>();
		if (f.projectId() != null) {
			c.add("u.project_id = :projectId");
			params.addValue("projectId", f.projectId());
		}
		if (f.buildingId() != null) {
			c.add("u.building_id = :buildingId");
			params.addValue("buildingId", f.buildingId());
		}
		if (f.status() != null) {
			c.add("u.status = :status");
			params.addValue("status", f.status().name());
		}
		if (f.roomValue() != null) {
			c.add("u.room_no like :room");
			params.addValue("room", roomLike(f.roomValue()));
		}
		if (f.nameValue() != null || f.phoneValue() != null) {
			MapSqlParameterSource ownerParams = params;
			c.add("exists (select 1 from ownership s join owner o on o.id = s.owner_id where s.unit_id = u.id and s.active"
					+ ownerConditions(f, ownerParams) + ")");
		}
		return c.isEmpty() ? "" : " where " + String.join(" and ", c);
	}

	UnitView unit(long id) {
		return jdbc.query(UNIT_SELECT + " where u.id = :id", new MapSqlParameterSource("id", id), (rs, i) -> unit(rs))
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("unit.notFound"));
	}

	List<UnitView> unitsOfBuilding(long buildingId) {
		return jdbc.query(UNIT_SELECT + " where u.building_id = :b order by u.room_no",
				new MapSqlParameterSource("b", buildingId), (rs, i) -> unit(rs));
	}

	static UnitView unit(ResultSet rs) throws SQLException {
		Date hd = rs.getDate("handover_date");
		return new UnitView(rs.getLong("id"), rs.getLong("project_id"), rs.getString("project_name"),
				rs.getLong("building_id"), rs.getString("building_name"), rs.getString("room_no"),
				(Integer) rs.getObject("floor"), rs.getBigDecimal("area"), rs.getString("unit_type"),
				UnitStatus.valueOf(rs.getString("status")), hd == null ? null : hd.toLocalDate(), rs.getString("notes"),
				rs.getString("owners"), rs.getLong("version"));
	}

	// ---- owners

	private static final String OWNER_SELECT = """
			select o.id, o.name, o.gender, o.mobile, o.other_phone, o.id_type, o.id_number, o.tags, o.notes,
			       (select string_agg(%s, '；' order by s.id) from ownership s join unit u on u.id = s.unit_id
			        join building b on b.id = u.building_id join project p on p.id = u.project_id
			        where s.owner_id = o.id and s.active) units,
			       (select min(s.contract_date) from ownership s where s.owner_id = o.id and s.active) contract_date,
			       (select min(u.handover_date) from ownership s join unit u on u.id = s.unit_id where s.owner_id = o.id and s.active) handover_date
			from owner o
			""".formatted(UNIT_LABEL);

	/** A page of owners; like every long list it is not counted (see {@link Slice}). */
	Slice<OwnerRow> owners(OwnerFilter f, int page, int size) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		params.addValue("limit", size + 1).addValue("offset", (long) page * size);
		// pick the page's owners first, then compute the shown columns for those rows only
		String ids = ownerIds(f, params);
		List<OwnerRow> items = jdbc.query("with page as (" + ids + " order by " + (f.hasUnitFilter() ? "s.owner_id" : "o.id")
				+ " desc limit :limit offset :offset) " + OWNER_SELECT
				+ " join page on page.id = o.id order by o.id desc", params,
				(rs, i) -> new OwnerRow(rs.getLong("id"), rs.getString("name"), rs.getString("gender"),
						rs.getString("mobile"), rs.getString("tags"), rs.getString("units")));
		return Slice.of(items, page, size, () -> jdbc.queryForObject(Slice.boundedCount(ids), params, Long.class));
	}

	/**
	 * The IDs of the owners the filter selects, to be ordered by ID and paged. With a unit filter the owners are found from their units' side
	 * (project and building are kept on the ownership row, indexed with the owner), so a project's newest owners
	 * come straight from an index instead of from walking every owner.
	 */
	private static String ownerIds(OwnerFilter f, MapSqlParameterSource params) {
		String own = ownerConditions(f, params);
		if (!f.hasUnitFilter()) {
			return "select o.id from owner o" + (own.isEmpty() ? "" : " where " + own.substring(" and ".length()));
		}
		StringBuilder sql = new StringBuilder("select s.owner_id id from ownership s");
		List<String> c = new ArrayList<>();
		c.add("s.active");
		if (f.projectId() != null) {
			c.add("s.project_id = :projectId");
			params.addValue("projectId", f.projectId());
		}
		if (f.buildingId() != null) {
			c.add("s.building_id = :buildingId");
			params.addValue("buildingId", f.buildingId());
		}
		if (f.status() != null || f.roomValue() != null) {
			sql.append(" join unit u on u.id = s.unit_id");
			if (f.status() != null) {
				c.add("u.status = :status");
				params.addValue("status", f.status().name());
			}
			if (f.roomValue() != null) {
				c.add("u.room_no like :room");
				params.addValue("room", roomLike(f.roomValue()));
			}
		}
		if (!own.isEmpty()) {
			sql.append(" join owner o on o.id = s.owner_id");
			c.add(own.substring(" and ".length()));
		}
		return sql + " where " + String.join(" and ", c) + " group by s.owner_id";
	}

	/** Streams every owner the filter selects, for exports; the caller holds a read-only transaction. */
	void eachOwner(OwnerFilter f, RowCallbackHandler handler) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		streaming.query(OWNER_SELECT + ownerWhere(f, params) + " order by o.id desc", params, handler);
	}

	private static String ownerWhere(OwnerFilter f, MapSqlParameterSource params) {
		List<String> c = new ArrayList<>();
		String own = ownerConditions(f, params);
		if (!own.isEmpty()) {
			c.add(own.substring(" and ".length()));
		}
		if (f.hasUnitFilter()) {
			// found from the units' side: project and building are kept on the ownership row (indexed)
			List<String> u = new ArrayList<>();
			if (f.projectId() != null) {
				u.add("s.project_id = :projectId");
				params.addValue("projectId", f.projectId());
			}
			if (f.buildingId() != null) {
				u.add("s.building_id = :buildingId");
				params.addValue("buildingId", f.buildingId());
			}
			List<String> unit = new ArrayList<>();
			if (f.status() != null) {
				unit.add("u.status = :status");
				params.addValue("status", f.status().name());
			}
			if (f.roomValue() != null) {
				unit.add("u.room_no like :room");
				params.addValue("room", roomLike(f.roomValue()));
			}
			if (!unit.isEmpty()) {
				u.add("s.unit_id in (select u.id from unit u where " + String.join(" and ", unit) + ")");
			}
			c.add("o.id in (select s.owner_id from ownership s where s.active and " + String.join(" and ", u) + ")");
		}
		return c.isEmpty() ? "" : " where " + String.join(" and ", c);
	}

	/** Conditions on the owner row itself, each starting with " and ". */
	private static String ownerConditions(OwnerFilter f, MapSqlParameterSource params) {
		StringBuilder sb = new StringBuilder();
		if (f.nameValue() != null) {
			sb.append(" and o.name like :name");
			params.addValue("name", like(f.nameValue()) + "%");
		}
		if (f.phoneValue() != null) {
			sb.append(" and (o.mobile like :phone or o.other_phone like :phone)");
			params.addValue("phone", "%" + like(f.phoneValue()) + "%");
		}
		return sb.toString();
	}

	/**
	 * 房号 found by any part of it: {@code 301}, {@code 0301} and {@code 1-0301} all find {@code 1-0301}, and a
	 * trailing 室 or 号 as people say it ({@code 3-1502室}) is left out. Served by the trigram index on room_no.
	 */
	static String roomLike(String room) {
		String r = room.strip();
		while (r.length() > 1 && (r.endsWith("\u5ba4") || r.endsWith("\u53f7"))) {
			r = r.substring(0, r.length() - 1).strip();
		}
		return "%" + like(r) + "%";
	}

	private static String like(String s) {
		return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	Optional<OwnerView> owner(long id) {
		return jdbc.query("select * from owner where id = :id", new MapSqlParameterSource("id", id),
				(rs, i) -> new OwnerView(rs.getLong("id"), rs.getString("name"), rs.getString("gender"),
						rs.getString("mobile"), rs.getString("other_phone"), rs.getString("id_type"),
						rs.getString("id_number"), tags(rs.getString("tags")), rs.getString("notes"),
						rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
						rs.getLong("version"), true))
			.stream()
			.findFirst();
	}

	static List<String> tags(String tags) {
		return tags == null || tags.isBlank() ? List.of() : Arrays.asList(tags.split(","));
	}

	List<OwnershipView> ownershipsOfOwner(long ownerId) {
		return ownerships("s.owner_id = :id", ownerId);
	}

	List<OwnershipView> ownershipsOfUnit(long unitId) {
		return ownerships("s.unit_id = :id", unitId);
	}

	private List<OwnershipView> ownerships(String condition, long id) {
		return jdbc.query("select s.*, o.name owner_name, " + UNIT_LABEL + " unit_label, u.handover_date, u.status"
				+ " from ownership s join owner o on o.id = s.owner_id join unit u on u.id = s.unit_id"
				+ " join building b on b.id = u.building_id join project p on p.id = u.project_id where " + condition
				+ " order by s.active desc, s.id desc", new MapSqlParameterSource("id", id),
				(rs, i) -> new OwnershipView(rs.getLong("id"), rs.getLong("owner_id"), rs.getString("owner_name"),
						rs.getLong("unit_id"), rs.getString("unit_label"), date(rs, "contract_date"), date(rs, "since"),
						date(rs, "until"), rs.getString("end_reason"), rs.getBoolean("active"), date(rs, "handover_date"),
						UnitStatus.valueOf(rs.getString("status"))));
	}

	List<HouseholdView> household(long ownerId) {
		return jdbc.query("select * from household_member where owner_id = :id order by id",
				new MapSqlParameterSource("id", ownerId), (rs, i) -> new HouseholdView(rs.getLong("id"), rs.getString("name"),
						rs.getString("relation"), rs.getString("gender"), rs.getString("phone"), rs.getString("notes")));
	}

	static LocalDate date(ResultSet rs, String column) throws SQLException {
		Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}

	/** Exact counts of the archive (or of one project): projects, units, owners and units per status. */
	java.util.Map<String, Long> statistics(Long projectId) {
		java.util.Map<String, Long> stats = new java.util.LinkedHashMap<>();
		var t = jdbc.getJdbcTemplate();
		if (projectId == null) {
			stats.put("projects", t.queryForObject("select count(*) from project", Long.class));
			stats.put("owners", t.queryForObject("select count(*) from owner", Long.class));
			stats.put("units", t.queryForObject("select count(*) from unit", Long.class));
			t.query("select status, count(*) n from unit group by status",
					(RowCallbackHandler) rs -> stats.put("status." + rs.getString("status"), rs.getLong("n")));
		}
		else {
			stats.put("projects", 1L);
			stats.put("owners", t.queryForObject("""
					select count(distinct s.owner_id) from ownership s join unit u on u.id = s.unit_id
					where s.active and u.project_id = ?""", Long.class, projectId));
			stats.put("units", t.queryForObject("select count(*) from unit where project_id = ?", Long.class, projectId));
			t.query("select status, count(*) n from unit where project_id = ? group by status",
					(RowCallbackHandler) rs -> stats.put("status." + rs.getString("status"), rs.getLong("n")), projectId);
		}
		return stats;
	}

}
