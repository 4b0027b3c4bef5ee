/**
 * Delivers {@link io.estatedesk.shared.StaffNotification}s to staff in the application.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package io.estatedesk.notification;
