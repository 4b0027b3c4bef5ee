package io.estatedesk.estate;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/** 项目; a region or design life left out keeps the project's (Beijing and 50 years for a new one). */
record ProjectForm(@NotBlank(message = "{project.name.required}") @Size(max = 100, message = "{input.tooLong}") String name,
		@Size(max = 300, message = "{input.tooLong}") String address,
		@NotBlank(message = "{project.developerName.required}") @Size(max = 120, message = "{input.tooLong}") String developerName,
		@Size(max = 2000, message = "{input.tooLong}") String notes, Region region,
		@Min(value = 1, message = "{project.designLife.invalid}") @Max(value = 300, message = "{project.designLife.invalid}") Integer designLifeYears) {
}

/** 楼栋 */
record BuildingForm(@NotBlank(message = "{building.name.required}") @Size(max = 60, message = "{input.tooLong}") String name,
		@Min(value = 1, message = "{building.floors.invalid}") @Max(value = 200, message = "{building.floors.invalid}") Integer floors) {
}

/** 房屋 */
record UnitForm(@NotNull(message = "{unit.building.required}") Long buildingId,
		@NotBlank(message = "{unit.roomNo.required}") @Size(max = 30, message = "{input.tooLong}") String roomNo,
		@Min(value = -10, message = "{unit.floor.invalid}") @Max(value = 200, message = "{unit.floor.invalid}") Integer floor,
		@DecimalMin(value = "0.01", message = "{unit.area.invalid}") @DecimalMax(value = "100000", message = "{unit.area.invalid}") BigDecimal area,
		@Size(max = 40, message = "{input.tooLong}") String unitType, @NotNull(message = "{unit.status.required}") UnitStatus status,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate handoverDate,
		@Size(max = 500, message = "{input.tooLong}") String notes) {
}

/** 业主 (with, on creation, the unit they hold and the contract date) */
record OwnerForm(@NotBlank(message = "{owner.name.required}") @Size(max = 60, message = "{input.tooLong}") String name,
		String gender, @Size(max = 30, message = "{input.tooLong}") String mobile,
		@Size(max = 30, message = "{input.tooLong}") String otherPhone, String idType,
		@Size(max = 40, message = "{input.tooLong}") String idNumber,
		@Size(max = 200, message = "{input.tooLong}") String tags, @Size(max = 2000, message = "{input.tooLong}") String notes,
		Long unitId, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate contractDate) {
}

/** 家庭成员 */
record HouseholdForm(@NotBlank(message = "{household.name.required}") @Size(max = 60, message = "{input.tooLong}") String name,
		@NotBlank(message = "{household.relation.required}") @Size(max = 30, message = "{input.tooLong}") String relation,
		String gender, @Size(max = 30, message = "{input.tooLong}") String phone,
		@Size(max = 300, message = "{input.tooLong}") String notes) {
}

/** Adding an owner to a unit (购房/过户) */
record OwnershipForm(@NotNull(message = "{ownership.owner.required}") Long ownerId,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate contractDate) {
}
