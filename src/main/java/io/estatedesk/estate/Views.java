package io.estatedesk.estate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the archive shows and the API returns; phone and ID numbers arrive already masked unless revealed. */
final class Views {

	private Views() {
	}

	record ProjectView(long id, String name, String address, String developerName, String notes, Region region,
			int designLifeYears, long buildings, long units, long version) {
	}

	record BuildingView(long id, long projectId, String projectName, String name, Integer floors, long units, long version) {
	}

	record UnitView(long id, long projectId, String projectName, long buildingId, String buildingName, String roomNo,
			Integer floor, BigDecimal area, String unitType, UnitStatus status, LocalDate handoverDate, String notes,
			String owners, long version) {

		String label() {
			return projectName + " " + buildingName + " " + roomNo;
		}
	}

	record OwnerRow(long id, String name, String gender, String mobile, String tags, String units) {
	}

	record OwnerView(long id, String name, String gender, String mobile, String otherPhone, String idType,
			String idNumber, List<String> tags, String notes, Instant createdAt, Instant updatedAt, long version,
			boolean revealed) {
	}

	record OwnershipView(long id, long ownerId, String ownerName, long unitId, String unitLabel, LocalDate contractDate,
			LocalDate since, LocalDate until, String endReason, boolean active, LocalDate handoverDate, UnitStatus status) {
	}

	record HouseholdView(long id, String name, String relation, String gender, String phone, String notes) {
	}

}
