package io.estatedesk.complaint;

/** The return call of a complaint was recorded (satisfied, or not and the complaint reopened). */
public record ComplaintReturnVisited(long complaintId, boolean satisfied) {
}
