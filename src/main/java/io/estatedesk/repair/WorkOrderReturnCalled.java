package io.estatedesk.repair;

/** The return call of a repair was recorded (satisfied, or not and the work order reopened for rework). */
public record WorkOrderReturnCalled(long workOrderId, boolean satisfied) {
}
