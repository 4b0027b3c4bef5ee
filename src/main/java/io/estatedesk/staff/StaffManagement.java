package io.estatedesk.staff;

import io.estatedesk.shared.BusinessClock;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.NotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts, their roles and positions, and the role × permission matrix.
 */
@Service
public class StaffManagement {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String PASSWORD_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

	private final StaffAccountRepository accounts;

	private final RoleRepository roles;

	private final PositionRepository positions;

	private final PasswordEncoder encoder;

	private final Permissions permissions;

	private final SignInThrottle throttle;

	StaffManagement(StaffAccountRepository accounts, RoleRepository roles, PositionRepository positions,
			PasswordEncoder encoder, Permissions permissions, SignInThrottle throttle) {
		this.throttle = throttle;
		this.accounts = accounts;
		this.roles = roles;
		this.positions = positions;
		this.encoder = encoder;
		this.permissions = permissions;
	}

	/** A staff member as other modules see them. */
	public record StaffSummary(long id, String username, String displayName, boolean enabled, String positionName,
			List<String> roleCodes) {
	}

	/** All enabled staff, for pickers in other modules. */
	@Transactional(readOnly = true)
	public List<StaffSummary> activeStaff() {
		return accounts.findAllByOrderByIdAsc().stream().filter(a -> a.enabled).map(StaffManagement::summary).toList();
	}

	/** Display names of all accounts by ID, for showing who did what. */
	@Transactional(readOnly = true)
	public java.util.Map<Long, String> displayNames() {
		java.util.Map<Long, String> names = new java.util.HashMap<>();
		accounts.findAll().forEach(a -> names.put(a.id, a.displayName));
		return names;
	}

	/** Display names of all accounts by username, for showing who made an entry recorded by username. */
	@Transactional(readOnly = true)
	public java.util.Map<String, String> displayNamesByUsername() {
		java.util.Map<String, String> names = new java.util.HashMap<>();
		accounts.findAll().forEach(a -> names.put(a.username, a.displayName));
		return names;
	}

	/** Enabled accounts whose roles grant a permission, e.g. everyone who may handle complaints. */
	@Transactional(readOnly = true)
	public List<StaffSummary> activeWithPermission(String permissionCode) {
		Set<String> granting = new HashSet<>();
		roles.findAll().stream().filter(r -> r.permissions.contains(permissionCode)).forEach(r -> granting.add(r.code));
		return activeStaff().stream().filter(s -> s.roleCodes().stream().anyMatch(granting::contains)).toList();
	}

	/**
	 * IDs of the enabled accounts whose roles grant a permission: the recipients of a notification, chosen by what the
	 * matrix grants and never by a role code, so a role an administrator creates can receive it.
	 */
	@Transactional(readOnly = true)
	public List<Long> idsWithPermission(String permissionCode) {
		return activeWithPermission(permissionCode).stream().map(StaffSummary::id).toList();
	}

	@Transactional(readOnly = true)
	public java.util.Optional<StaffSummary> byUsername(String username) {
		return accounts.findByUsername(username).map(StaffManagement::summary);
	}

	@Transactional(readOnly = true)
	public java.util.Optional<StaffSummary> byId(long id) {
		return accounts.findById(id).map(StaffManagement::summary);
	}

	static StaffSummary summary(StaffAccount a) {
		return new StaffSummary(a.id, a.username, a.displayName, a.enabled, a.position == null ? null : a.position.name,
				a.roles.stream().map(r -> r.code).sorted().toList());
	}

	/** Creates an account with the given roles (by code); used by start-up, demo data and tests. */
	@Transactional
	public long createAccount(String username, String displayName, String rawPassword, String positionCode,
			String... roleCodes) {
		Set<Long> roleIds = new HashSet<>();
		for (String code : roleCodes) {
			roleIds.add(roles.findByCode(code).orElseThrow(() -> new NotFoundException("role.notFound")).id);
		}
		Long positionId = positionCode == null ? null
				: positions.findAll().stream().filter(p -> p.code.equals(positionCode)).map(p -> p.id).findFirst().orElse(null);
		return create(new StaffForm(username, displayName, positionId, roleIds, null, null, null), rawPassword);
	}

	/** The administrator's password comes from the environment and is not held to the strength rule. */
	@Transactional
	void createAccountUnchecked(String username, String displayName, String rawPassword, String roleCode) {
		StaffAccount a = new StaffAccount();
		a.username = username;
		a.displayName = displayName;
		a.passwordHash = encoder.encode(rawPassword);
		a.passwordChangedAt = BusinessClock.now();
		a.roles = new HashSet<>(roles.findByCode(roleCode).stream().toList());
		accounts.save(a);
		permissions.invalidate();
	}

	@Transactional
	long create(StaffForm form, String rawPassword) {
		if (accounts.findByUsername(form.username().strip()).isPresent()) {
			throw new BusinessRuleException("username", "staff.username.taken");
		}
		checkPasswordStrength("password", rawPassword);
		StaffAccount a = new StaffAccount();
		a.username = form.username().strip();
		a.passwordHash = encoder.encode(rawPassword);
		a.passwordChangedAt = BusinessClock.now();
		apply(a, form);
		accounts.save(a);
		permissions.invalidate();
		return a.id;
	}

	@Transactional
	void update(long id, StaffForm form, long version) {
		StaffAccount a = get(id);
		if (a.version != version) {
			throw new org.springframework.orm.ObjectOptimisticLockingFailureException(StaffAccount.class, id);
		}
		apply(a, form);
		permissions.invalidate();
	}

	private void apply(StaffAccount a, StaffForm form) {
		a.displayName = form.displayName().strip();
		a.position = form.positionId() == null ? null : positions.findById(form.positionId()).orElse(null);
		a.phone = blankToNull(form.phone());
		a.email = blankToNull(form.email());
		a.organization = blankToNull(form.organization());
		a.roles = new HashSet<>(roles.findAllById(form.roleIds() == null ? Set.of() : form.roleIds()));
	}

	@Transactional
	void setEnabled(long id, boolean enabled) {
		StaffAccount a = get(id);
		if (!enabled && "admin".equalsIgnoreCase(a.username) && permissions.currentUsername().equalsIgnoreCase(a.username)) {
			throw new BusinessRuleException("staff.disable.self");
		}
		a.enabled = enabled;
		if (enabled) {
			a.lockedUntil = null;
			a.failedAttempts = 0;
			throttle.unlock(a.username);
		}
		permissions.invalidate();
	}

	/** Sets a new random password and returns it once, so the administrator can hand it over. */
	@Transactional
	String resetPassword(long id) {
		StaffAccount a = get(id);
		String pw = randomPassword();
		a.passwordHash = encoder.encode(pw);
		a.passwordChangedAt = BusinessClock.now();
		a.lockedUntil = null;
		a.failedAttempts = 0;
		throttle.unlock(a.username);
		return pw;
	}

	@Transactional
	public void setPassword(String username, String rawPassword) {
		StaffAccount a = accounts.findByUsername(username).orElseThrow(() -> new NotFoundException("staff.notFound"));
		a.passwordHash = encoder.encode(rawPassword);
		a.passwordChangedAt = BusinessClock.now();
		a.lockedUntil = null;
		a.failedAttempts = 0;
		throttle.unlock(a.username);
	}

	@Transactional
	void changeOwnPassword(String username, String current, String next) {
		StaffAccount a = accounts.findByUsername(username).orElseThrow(() -> new NotFoundException("staff.notFound"));
		if (!encoder.matches(current, a.passwordHash)) {
			throw new BusinessRuleException("currentPassword", "account.password.wrong");
		}
		checkPasswordStrength("newPassword", next);
		a.passwordHash = encoder.encode(next);
		a.passwordChangedAt = BusinessClock.now();
	}

	static void checkPasswordStrength(String field, String pw) {
		if (pw == null || pw.length() < 8 || !pw.matches(".*[A-Za-z].*") || !pw.matches(".*\\d.*")) {
			throw new BusinessRuleException(field, "account.password.weak");
		}
	}

	static String randomPassword() {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < 12; i++) {
			sb.append(PASSWORD_CHARS.charAt(RANDOM.nextInt(PASSWORD_CHARS.length())));
		}
		// always a letter and a digit, whatever the draw
		return sb.append("a7").toString();
	}

	/** Replaces the whole matrix in one transaction; returns what changed, e.g. "部门经理 +COMPLAINT_ESCALATION". */
	@Transactional
	List<String> setMatrix(java.util.Map<Long, Set<String>> matrix) {
		List<String> changes = new java.util.ArrayList<>();
		for (Role r : roles.findAllByOrderBySortOrderAsc()) {
			Set<String> codes = matrix.getOrDefault(r.id, Set.of());
			codes.stream().filter(c -> !r.permissions.contains(c)).sorted().forEach(c -> changes.add(r.name + " +" + c));
			r.permissions.stream().filter(c -> !codes.contains(c)).sorted().forEach(c -> changes.add(r.name + " -" + c));
			r.permissions.clear();
			r.permissions.addAll(codes);
		}
		permissions.invalidate();
		return changes;
	}

	/**
	 * Creates a role with no permission yet; the administrator grants them on the matrix. A blank code is generated.
	 * Codes are kept in capitals and are unique whatever their case; names are unique too, as the matrix shows them.
	 */
	@Transactional
	Role createRole(RoleForm form) {
		String code = form.code() == null ? "" : form.code().strip().toUpperCase(java.util.Locale.ROOT);
		String name = form.name().strip();
		List<Role> existing = roles.findAll();
		if (!code.isEmpty() && existing.stream().anyMatch(r -> r.code.equalsIgnoreCase(form.code().strip()))) {
			throw new BusinessRuleException("code", "role.code.taken");
		}
		if (existing.stream().anyMatch(r -> r.name.equals(name))) {
			throw new BusinessRuleException("name", "role.name.taken");
		}
		if (code.isEmpty()) {
			int n = existing.size() + 1;
			Set<String> codes = new HashSet<>(existing.stream().map(r -> r.code.toUpperCase(java.util.Locale.ROOT)).toList());
			while (codes.contains("ROLE_" + n)) {
				n++;
			}
			code = "ROLE_" + n;
		}
		Role r = new Role();
		r.code = code;
		r.name = name;
		r.description = form.description() == null ? "" : form.description().strip();
		r.sortOrder = existing.stream().mapToInt(x -> x.sortOrder).max().orElse(0) + 1;
		return roles.save(r);
	}

	/** Grants or withdraws one permission of one role (by codes). */
	@Transactional
	public void setPermission(String roleCode, String permissionCode, boolean granted) {
		Role r = roles.findByCode(roleCode).orElseThrow(() -> new NotFoundException("role.notFound"));
		if (granted) {
			r.permissions.add(permissionCode);
		}
		else {
			r.permissions.remove(permissionCode);
		}
		permissions.invalidate();
	}

	@Transactional
	void updatePosition(long id, String duties, long version) {
		Position p = positions.findById(id).orElseThrow(() -> new NotFoundException("position.notFound"));
		if (p.version != version) {
			throw new org.springframework.orm.ObjectOptimisticLockingFailureException(Position.class, id);
		}
		p.duties = duties;
	}

	StaffAccount get(long id) {
		return accounts.findById(id).orElseThrow(() -> new NotFoundException("staff.notFound"));
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
