package io.estatedesk.repair;

/**
 * The return call of a repair was recorded (satisfied, or not and the work order reopened for rework), by
 * {@code actor} (the user's name, for the listeners that run after the commit with nobody signed in).
 */
public record WorkOrderReturnCalled(long workOrderId, boolean satisfied, String actor) {
}
