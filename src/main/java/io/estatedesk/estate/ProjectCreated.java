package io.estatedesk.estate;

/** A project was added to the archive (other modules set up what belongs to a project, e.g. its duty board). */
public record ProjectCreated(long projectId) {
}
