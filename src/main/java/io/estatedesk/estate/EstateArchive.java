package io.estatedesk.estate;

import io.estatedesk.shared.BusinessClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.shared.NotFoundException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to the owner archive. Every check that the form, the API and the import share lives here or in
 * {@link OwnerRules}.
 */
@Service
class EstateArchive {

	private final ProjectRepository projects;

	private final BuildingRepository buildings;

	private final UnitRepository units;

	private final OwnerRepository owners;

	private final OwnershipRepository ownerships;

	private final HouseholdMemberRepository household;

	private final org.springframework.context.ApplicationEventPublisher events;

	EstateArchive(ProjectRepository projects, BuildingRepository buildings, UnitRepository units, OwnerRepository owners,
			OwnershipRepository ownerships, HouseholdMemberRepository household,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.projects = projects;
		this.buildings = buildings;
		this.units = units;
		this.owners = owners;
		this.ownerships = ownerships;
		this.household = household;
	}

	private static void checkVersion(long actual, Long expected, Class<?> type, Object id) {
		if (expected != null && actual != expected) {
			throw new ObjectOptimisticLockingFailureException(type, id);
		}
	}

	// ---- projects and buildings

	@Transactional
	long saveProject(Long id, ProjectForm form, Long version) {
		Project p = id == null ? new Project() : projects.findById(id).orElseThrow(() -> new NotFoundException("project.notFound"));
		checkVersion(p.version, version, Project.class, id);
		Optional<Project> sameName = projects.findByName(form.name().strip());
		if (sameName.isPresent() && !sameName.get().id.equals(p.id)) {
			throw new InvalidInputException(Map.of("name", "project.name.taken"));
		}
		p.name = form.name().strip();
		p.address = nz(form.address());
		p.developerName = form.developerName().strip();
		p.notes = nz(form.notes());
		if (form.region() != null) {
			p.region = form.region();
		}
		if (form.designLifeYears() != null) {
			p.designLifeYears = form.designLifeYears();
		}
		boolean created = p.id == null;
		projects.saveAndFlush(p);
		if (created) {
			events.publishEvent(new ProjectCreated(p.id));
		}
		return p.id;
	}

	@Transactional
	long saveBuilding(long projectId, Long id, BuildingForm form, Long version) {
		projects.findById(projectId).orElseThrow(() -> new NotFoundException("project.notFound"));
		Building b = id == null ? new Building() : buildings.findById(id).orElseThrow(() -> new NotFoundException("building.notFound"));
		checkVersion(b.version, version, Building.class, id);
		Optional<Building> same = buildings.findByProjectIdAndName(projectId, form.name().strip());
		if (same.isPresent() && !same.get().id.equals(b.id)) {
			throw new InvalidInputException(Map.of("name", "building.name.taken"));
		}
		b.projectId = projectId;
		b.name = form.name().strip();
		b.floors = form.floors();
		buildings.save(b);
		return b.id;
	}

	// ---- units

	@Transactional
	long saveUnit(Long id, UnitForm form, Long version) {
		Building b = buildings.findById(form.buildingId()).orElseThrow(() -> new InvalidInputException(Map.of("buildingId", "unit.building.required")));
		Unit u = id == null ? new Unit() : units.findById(id).orElseThrow(() -> new NotFoundException("unit.notFound"));
		checkVersion(u.version, version, Unit.class, id);
		String room = form.roomNo().strip();
		Optional<Unit> same = units.findByBuildingIdAndRoomNo(b.id, room);
		if (same.isPresent() && !same.get().id.equals(u.id)) {
			throw new InvalidInputException(Map.of("roomNo", "unit.roomNo.taken"));
		}
		if (form.handoverDate() != null && form.handoverDate().isAfter(BusinessClock.today().plusYears(5))) {
			throw new InvalidInputException(Map.of("handoverDate", "unit.handoverDate.invalid"));
		}
		u.projectId = b.projectId;
		u.buildingId = b.id;
		u.roomNo = room;
		u.floor = form.floor();
		u.area = form.area();
		u.unitType = nz(form.unitType());
		u.status = form.status();
		u.handoverDate = form.handoverDate();
		u.notes = nz(form.notes());
		units.save(u);
		return u.id;
	}

	// ---- owners

	/** The owner's fields after the shared rules; blank phone/ID inputs on an edit keep what is stored. */
	private Owner apply(Owner o, OwnerForm form, boolean keepBlankConfidential) {
		Map<String, String> errors = new LinkedHashMap<>();
		String mobile = OwnerRules.normalizePhone(form.mobile());
		String other = OwnerRules.normalizePhone(form.otherPhone());
		String idType = form.idType() == null || form.idType().isBlank() ? null : form.idType().strip();
		String idNumber = OwnerRules.normalizeId(form.idNumber());
		String gender = form.gender() == null || form.gender().isBlank() ? null : form.gender().strip();
		put(errors, "mobile", OwnerRules.checkPhone(mobile));
		put(errors, "otherPhone", OwnerRules.checkPhone(other));
		put(errors, "gender", OwnerRules.checkGender(gender));
		put(errors, "idType", OwnerRules.checkIdType(idType));
		String effectiveId = idNumber == null && keepBlankConfidential ? o.idNumber : idNumber;
		put(errors, "idNumber", OwnerRules.checkIdNumber(idType, effectiveId));
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		o.name = form.name().strip();
		o.gender = gender;
		if (mobile != null || !keepBlankConfidential) {
			o.mobile = mobile;
		}
		if (other != null || !keepBlankConfidential) {
			o.otherPhone = other;
		}
		o.idType = idType;
		if (idNumber != null || !keepBlankConfidential) {
			o.idNumber = idNumber;
		}
		o.tags = OwnerRules.normalizeTags(form.tags());
		o.notes = nz(form.notes());
		o.updatedAt = BusinessClock.now();
		return o;
	}

	private static void put(Map<String, String> errors, String field, String key) {
		if (key != null) {
			errors.put(field, key);
		}
	}

	@Transactional
	long createOwner(OwnerForm form) {
		Owner o = apply(new Owner(), form, false);
		if (form.unitId() != null) {
			units.findById(form.unitId()).orElseThrow(() -> new InvalidInputException(Map.of("unitId", "unit.notFound")));
		}
		owners.save(o);
		if (form.unitId() != null) {
			addOwnership(o.id, form.unitId(), form.contractDate());
		}
		return o.id;
	}

	@Transactional
	void updateOwner(long id, OwnerForm form, Long version) {
		Owner o = owners.findById(id).orElseThrow(() -> new NotFoundException("owner.notFound"));
		checkVersion(o.version, version, Owner.class, id);
		apply(o, form, true);
	}

	/** Records that the owner holds the unit from the contract date (a co-owner or a new owner after a sale). */
	@Transactional
	long addOwnership(long ownerId, long unitId, LocalDate contractDate) {
		owners.findById(ownerId).orElseThrow(() -> new InvalidInputException(Map.of("ownerId", "owner.notFound")));
		Unit u = units.findById(unitId).orElseThrow(() -> new NotFoundException("unit.notFound"));
		if (ownerships.findByOwnerIdAndUnitIdAndActiveTrue(ownerId, unitId).isPresent()) {
			throw new BusinessRuleException("ownerId", "ownership.exists");
		}
		Ownership s = new Ownership();
		s.ownerId = ownerId;
		s.unitId = unitId;
		s.contractDate = contractDate;
		s.since = contractDate != null ? contractDate : BusinessClock.today();
		ownerships.save(s);
		if (u.status == UnitStatus.UNSOLD) {
			u.status = UnitStatus.SOLD;
		}
		return s.id;
	}

	/** Ends an ownership (过户, 退房); the row stays as history. */
	@Transactional
	void endOwnership(long ownershipId, LocalDate until, String reason) {
		Ownership s = ownerships.findById(ownershipId).orElseThrow(() -> new NotFoundException("ownership.notFound"));
		if (!s.active) {
			throw new BusinessRuleException("ownership.alreadyEnded");
		}
		LocalDate end = until == null ? BusinessClock.today() : until;
		if (s.since != null && end.isBefore(s.since)) {
			throw new InvalidInputException(Map.of("until", "ownership.until.beforeSince"));
		}
		s.active = false;
		s.until = end;
		s.endReason = reason == null || reason.isBlank() ? null : reason.strip();
	}

	@Transactional
	long addHouseholdMember(long ownerId, HouseholdForm form) {
		owners.findById(ownerId).orElseThrow(() -> new NotFoundException("owner.notFound"));
		String phone = OwnerRules.normalizePhone(form.phone());
		Map<String, String> errors = new LinkedHashMap<>();
		put(errors, "phone", OwnerRules.checkPhone(phone));
		put(errors, "gender", OwnerRules.checkGender(form.gender() == null || form.gender().isBlank() ? null : form.gender()));
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		HouseholdMember m = new HouseholdMember();
		m.ownerId = ownerId;
		m.name = form.name().strip();
		m.relation = form.relation().strip();
		m.gender = form.gender() == null || form.gender().isBlank() ? null : form.gender();
		m.phone = phone;
		m.notes = nz(form.notes());
		household.save(m);
		return m.id;
	}

	@Transactional
	void removeHouseholdMember(long ownerId, long memberId) {
		HouseholdMember m = household.findById(memberId).orElseThrow(() -> new NotFoundException("household.notFound"));
		if (!m.ownerId.equals(ownerId)) {
			throw new NotFoundException("household.notFound");
		}
		household.delete(m);
	}

	private static String nz(String s) {
		return s == null ? "" : s.strip();
	}

}
