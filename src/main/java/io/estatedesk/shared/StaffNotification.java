package io.estatedesk.shared;

import java.util.List;
import java.util.UUID;

/**
 * A message for staff members, published by any module and delivered by the notification module (in the app and,
 * where an address is known, by email).
 *
 * @param eventId identifies this message, so that delivering it again (after a restart or by another node) creates
 *        no second notification or mail
 * @param recipientIds staff account IDs
 * @param title short Chinese title
 * @param body the message
 * @param link a path in the application the message refers to
 */
public record StaffNotification(UUID eventId, List<Long> recipientIds, String title, String body, String link) {

	public StaffNotification {
		eventId = eventId == null ? UUID.randomUUID() : eventId;
	}

	public StaffNotification(List<Long> recipientIds, String title, String body, String link) {
		this(UUID.randomUUID(), recipientIds, title, body, link);
	}

}
