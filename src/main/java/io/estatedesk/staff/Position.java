package io.estatedesk.staff;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A position (岗位) with its duties from the charter §二. */
@Entity
@Table(name = "position")
class Position {

	@Id
	Long id;

	String code;

	String name;

	String duties;

	int sortOrder;

	@Version
	long version;

	// read by templates
	public Long getId() {
		return id;
	}

	public String getCode() {
		return code;
	}

	public String getName() {
		return name;
	}

	public String getDuties() {
		return duties;
	}

	public long getVersion() {
		return version;
	}

}
