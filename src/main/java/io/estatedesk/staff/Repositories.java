package io.estatedesk.staff;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StaffAccountRepository extends JpaRepository<StaffAccount, Long> {

	@Query("select s from StaffAccount s where lower(s.username) = lower(?1)")
	Optional<StaffAccount> findByUsername(String username);

	List<StaffAccount> findAllByOrderByIdAsc();

}

interface RoleRepository extends JpaRepository<Role, Long> {

	List<Role> findAllByOrderBySortOrderAsc();

	Optional<Role> findByCode(String code);

}

interface PositionRepository extends JpaRepository<Position, Long> {

	List<Position> findAllByOrderBySortOrderAsc();

}
