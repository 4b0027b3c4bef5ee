package io.estatedesk.staff;

import io.estatedesk.shared.BusinessClock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "staff_account")
class StaffAccount {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	Long id;

	String username;

	String displayName;

	String passwordHash;

	boolean enabled = true;

	// read by the account pages after the transaction (open-in-view is off); a handful of positions, so always loaded
	@ManyToOne(fetch = FetchType.EAGER)
	@JoinColumn(name = "position_id")
	Position position;

	String phone;

	String email;

	String organization;

	int failedAttempts;

	Instant lockedUntil;

	Instant passwordChangedAt;

	Instant createdAt = BusinessClock.now();

	@ManyToMany(fetch = FetchType.EAGER)
	@JoinTable(name = "staff_role", joinColumns = @JoinColumn(name = "staff_id"), inverseJoinColumns = @JoinColumn(name = "role_id"))
	Set<Role> roles = new HashSet<>();

	@Version
	long version;

	public boolean lockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	// read by templates
	public Long getId() {
		return id;
	}

	public String getUsername() {
		return username;
	}

	public String getDisplayName() {
		return displayName;
	}

	public boolean isEnabled() {
		return enabled;
	}

	public Position getPosition() {
		return position;
	}

	public Set<Role> getRoles() {
		return roles;
	}

}
