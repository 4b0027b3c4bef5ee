package io.estatedesk.complaint;

import java.util.List;

import io.estatedesk.shared.StaffNotification;
import io.estatedesk.shared.Strings;
import io.estatedesk.shared.Texts;
import io.estatedesk.staff.StaffManagement;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Who is told about a complaint: recipients by permission, never by role code. */
@Component
class ComplaintNotices {

	/** How much of a complaint's text a notification quotes. */
	static final int QUOTE = 80;

	private final ApplicationEventPublisher events;

	private final StaffManagement staff;

	ComplaintNotices(ApplicationEventPublisher events, StaffManagement staff) {
		this.events = events;
		this.staff = staff;
	}

	/** Tells the given staff; the title is a message key with its arguments. */
	void tell(List<Long> recipients, Complaint c, String body, String titleKey, String... args) {
		if (!recipients.isEmpty()) {
			events.publishEvent(new StaffNotification(recipients, Texts.zh(titleKey, (Object[]) args), body,
					"/complaints/" + c.id));
		}
	}

	/** Tells everyone with the permission. */
	void tellPermitted(String permission, Complaint c, String body, String titleKey, String... args) {
		tell(staff.idsWithPermission(permission), c, body, titleKey, args);
	}

	/** The beginning of a text as a notification quotes it. */
	static String quote(String s) {
		return Strings.orEmpty(Strings.abbreviate(s, QUOTE));
	}

	void publish(Object event) {
		events.publishEvent(event);
	}

}
