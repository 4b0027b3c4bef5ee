package io.estatedesk.complaint;

/**
 * A repair work order was raised from a complaint (published by the repair module); the complaint records it and,
 * still at 受理, is now being handled.
 *
 * @param actor the username of the one who raised it
 */
public record WorkOrderRaisedFromComplaint(long complaintId, long workOrderId, String workOrderCode, String actor) {
}
