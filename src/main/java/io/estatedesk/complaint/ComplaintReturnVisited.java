package io.estatedesk.complaint;

/**
 * The return call of a complaint was recorded (satisfied, or not and the complaint reopened), by {@code actor} (the
 * user's name, for the listeners that run after the commit with nobody signed in).
 */
public record ComplaintReturnVisited(long complaintId, boolean satisfied, String actor) {
}
