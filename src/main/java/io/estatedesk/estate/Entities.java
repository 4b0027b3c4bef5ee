package io.estatedesk.estate;

import io.estatedesk.shared.BusinessClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "project")
class Project {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	Long id;

	String name;

	String address = "";

	/** The developer company's name as printed on forms ("{公司名}客服部投诉处理单"). */
	String developerName;

	String notes = "";

	/** Whose rules apply where they differ by region (the owners' assembly trigger). */
	@Enumerated(EnumType.STRING)
	Region region = Region.BEIJING;

	/** 合理使用年限 from the design documents: the warranty of the foundation and main structure. */
	int designLifeYears = 50;

	Instant createdAt = BusinessClock.now();

	@Version
	long version;

}

@Entity
@Table(name = "building")
class Building {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	Long id;

	Long projectId;

	String name;

	Integer floors;

	String notes = "";

	@Version
	long version;

}

@Entity
@Table(name = "unit")
class Unit {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	Long id;

	Long projectId;

	Long buildingId;

	String roomNo;

	Integer floor;

	BigDecimal area;

	String unitType = "";

	@Enumerated(EnumType.STRING)
	UnitStatus status = UnitStatus.UNSOLD;

	/** Starts the warranty clock. */
	LocalDate handoverDate;

	String notes = "";

	@Version
	long version;

}

@Entity
@Table(name = "owner")
class Owner {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	Long id;

	String name;

	String gender;

	String mobile;

	String otherPhone;

	String idType;

	String idNumber;

	String tags = "";

	String notes = "";

	Instant createdAt = BusinessClock.now();

	Instant updatedAt = BusinessClock.now();

	@Version
	long version;

}

@Entity
@Table(name = "ownership")
class Ownership {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	Long id;

	Long ownerId;

	Long unitId;

	LocalDate contractDate;

	LocalDate since;

	LocalDate until;

	String endReason;

	boolean active = true;

	Instant createdAt = BusinessClock.now();

}

@Entity
@Table(name = "household_member")
class HouseholdMember {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	Long id;

	Long ownerId;

	String name;

	String relation;

	String gender;

	String phone;

	String notes = "";

}
