package io.estatedesk.support;

import java.util.UUID;

import io.estatedesk.staff.StaffManagement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Creates staff and archive records for tests; names are unique so test classes can share one database. */
@Component
public class Fixtures {

	public static final String PASSWORD = "Passw0rd-test";

	private final StaffManagement staff;

	private final JdbcTemplate jdbc;

	public Fixtures(StaffManagement staff, JdbcTemplate jdbc) {
		this.staff = staff;
		this.jdbc = jdbc;
	}

	public static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 8);
	}

	/** A staff account holding the given role (by code, e.g. OFFICE, LEADER), password {@link #PASSWORD}. */
	public String staffWithRole(String roleCode) {
		String username = unique(roleCode.toLowerCase() + "-");
		staff.createAccount(username, "测试" + roleCode, PASSWORD, null, roleCode);
		return username;
	}

	public long project(String name) {
		return jdbc.queryForObject("insert into project (name, address, developer_name) values (?, '测试地址', '金第房地产开发公司') returning id",
				Long.class, name);
	}

	public long building(long projectId, String name) {
		return jdbc.queryForObject("insert into building (project_id, name) values (?, ?) returning id", Long.class, projectId, name);
	}

	public long unit(long projectId, long buildingId, String room, String status) {
		return jdbc.queryForObject("""
				insert into unit (project_id, building_id, room_no, status) values (?, ?, ?, ?) returning id""", Long.class,
				projectId, buildingId, room, status);
	}

	public long owner(String name, String mobile, String idNumber) {
		return jdbc.queryForObject("""
				insert into owner (name, gender, mobile, id_type, id_number) values (?, '女', ?, '居民身份证', ?) returning id""",
				Long.class, name, mobile, idNumber);
	}

	public void holds(long ownerId, long unitId) {
		jdbc.update("insert into ownership (owner_id, unit_id, since) values (?, ?, ?)", ownerId, unitId,
				java.sql.Date.valueOf(io.estatedesk.shared.BusinessClock.today()));
	}

	/** Runs code as the given staff member, holding the permissions of their roles. */
	public <T> T as(String username, java.util.function.Supplier<T> work) {
		var authorities = jdbc.queryForList("""
				select distinct rp.permission_code from staff_account s join staff_role sr on sr.staff_id = s.id
				join role_permission rp on rp.role_id = sr.role_id where s.username = ?""", String.class, username)
			.stream().map(org.springframework.security.core.authority.SimpleGrantedAuthority::new).toList();
		var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
		var ctx = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
		ctx.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
			.authenticated(username, null, authorities));
		org.springframework.security.core.context.SecurityContextHolder.setContext(ctx);
		try {
			return work.get();
		}
		finally {
			org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
		}
	}

	public void as(String username, Runnable work) {
		as(username, () -> {
			work.run();
			return null;
		});
	}

	public long staffId(String username) {
		return jdbc.queryForObject("select id from staff_account where username = ?", Long.class, username);
	}

	/** A valid 18-digit mainland ID number (GB 11643 check digit). */
	public static String idNumber(String body17) {
		int[] w = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		String check = "10X98765432";
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (body17.charAt(i) - '0') * w[i];
		}
		return body17 + check.charAt(sum % 11);
	}

}
