package io.estatedesk.shared;

import java.util.List;

/**
 * A message for staff members, published by any module and delivered by the notification module (in the app and,
 * where an address is known, by email).
 *
 * @param recipientIds staff account IDs
 * @param title short Chinese title
 * @param body the message
 * @param link a path in the application the message refers to
 */
public record StaffNotification(List<Long> recipientIds, String title, String body, String link) {
}
