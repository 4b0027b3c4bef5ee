package io.estatedesk.community;

import io.estatedesk.shared.BusinessClock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.estatedesk.estate.ArchivePanel;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** On the owner's page: the activities the owner signed up for or attended, and the care given to them. */
@Component
@Order(60)
class CommunityPanel implements ArchivePanel {

	private final Activities activities;

	private final CarePlans care;

	private final MessageSource messages;

	CommunityPanel(Activities activities, CarePlans care, MessageSource messages) {
		this.activities = activities;
		this.care = care;
		this.messages = messages;
	}

	@Override
	public String titleKey() {
		return "community.panel.title";
	}

	@Override
	public String permission() {
		return Activities.VIEW;
	}

	@Override
	public List<Item> forOwner(long ownerId) {
		var locale = LocaleContextHolder.getLocale();
		List<Item> items = new ArrayList<>();
		for (Activities.OwnerActivity a : activities.ofOwner(ownerId)) {
			String status;
			if (a.state() == Activities.State.CANCELLED) {
				// the activity was called off: whatever the sign-up said, the owner will not take part
				status = messages.getMessage("community.activity.state.CANCELLED", null, locale);
			}
			else if (a.status() == Activities.Status.WAITING && a.state() == Activities.State.FINISHED) {
				status = messages.getMessage("community.activity.state.FINISHED", null, locale);
			}
			else if (a.status() == Activities.Status.WAITING) {
				status = messages.getMessage("community.signup.waitingAt", new Object[] { a.position() }, locale);
			}
			else if (a.status() == Activities.Status.CANCELLED) {
				status = messages.getMessage("community.signup.status.CANCELLED", null, locale);
			}
			else if (a.attended() != null) {
				status = messages.getMessage(a.attended() ? "community.attendance.present" : "community.attendance.absent", null,
						locale) + (a.score() == null ? "" : " · " + messages.getMessage("community.panel.score",
								new Object[] { a.score() }, locale));
			}
			else {
				status = messages.getMessage("community.signup.status.CONFIRMED", null, locale);
			}
			LocalDate day = a.startsAt().atZone(BusinessClock.ZONE).toLocalDate();
			items.add(new Item(messages.getMessage("community.panel.activity", null, locale) + "：" + a.title(),
					"/activities/" + a.activityId(), status, day.toString(), false));
		}
		for (CarePlans.CareRecord c : care.ofOwner(ownerId)) {
			items.add(new Item(messages.getMessage("community.panel.care", null, locale) + "：" + c.ruleName()
					+ (c.note().isBlank() ? "" : "（" + c.note() + "）"), "/care",
					messages.getMessage("community.care.outcome." + c.outcome(), null, locale), c.occasion().toString(),
					false));
		}
		return items;
	}

	@Override
	public List<Item> forUnit(long unitId) {
		return List.of();
	}

}
