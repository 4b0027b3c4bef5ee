package io.estatedesk.repair;

import java.time.Instant;

/** The owner accepted a repair; {@code returnCallDue} is set when this repair is one that gets a return call. */
public record WorkOrderAccepted(long workOrderId, String code, long projectId, Long ownerId, Long unitId, String contactName,
		String contactPhone, Long createdBy, Instant returnCallDue) {
}
