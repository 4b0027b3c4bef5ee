package io.estatedesk.estate;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProjectRepository extends JpaRepository<Project, Long> {

	List<Project> findAllByOrderByNameAsc();

	Optional<Project> findByName(String name);

}

interface BuildingRepository extends JpaRepository<Building, Long> {

	List<Building> findByProjectIdOrderByNameAsc(Long projectId);

	Optional<Building> findByProjectIdAndName(Long projectId, String name);

}

interface UnitRepository extends JpaRepository<Unit, Long> {

	List<Unit> findByBuildingIdOrderByRoomNoAsc(Long buildingId);

	Optional<Unit> findByBuildingIdAndRoomNo(Long buildingId, String roomNo);

}

interface OwnerRepository extends JpaRepository<Owner, Long> {

}

interface OwnershipRepository extends JpaRepository<Ownership, Long> {

	List<Ownership> findByOwnerIdOrderByActiveDescIdDesc(Long ownerId);

	List<Ownership> findByUnitIdOrderByActiveDescIdDesc(Long unitId);

	Optional<Ownership> findByOwnerIdAndUnitIdAndActiveTrue(Long ownerId, Long unitId);

}

interface HouseholdMemberRepository extends JpaRepository<HouseholdMember, Long> {

	List<HouseholdMember> findByOwnerIdOrderByIdAsc(Long ownerId);

}
