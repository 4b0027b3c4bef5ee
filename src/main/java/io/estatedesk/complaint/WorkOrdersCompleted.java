package io.estatedesk.complaint;

/**
 * Every repair work order raised from a complaint is done, at least one of them completed (published by the repair
 * module); the complaint moves on with the summary of the repairs.
 *
 * @param summary what was repaired, by whom, as the complaint's 整改措施 when none was written
 * @param actor the username of the one who accepted (or cancelled) the last work order
 */
public record WorkOrdersCompleted(long complaintId, String summary, String actor) {
}
