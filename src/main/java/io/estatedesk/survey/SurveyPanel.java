package io.estatedesk.survey;

import io.estatedesk.shared.BusinessClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.estatedesk.estate.ArchivePanel;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** An owner's or a unit's return calls and survey answers, on their archive pages. */
@Component
@Order(50)
class SurveyPanel implements ArchivePanel {

	private final ReturnCalls calls;

	private final Surveys surveys;

	private final MessageSource messages;

	SurveyPanel(ReturnCalls calls, Surveys surveys, MessageSource messages) {
		this.calls = calls;
		this.surveys = surveys;
		this.messages = messages;
	}

	@Override
	public String titleKey() {
		return "panel.returnCalls";
	}

	@Override
	public String permission() {
		return Surveys.VIEW;
	}

	@Override
	public List<Item> forOwner(long ownerId) {
		return items(ownerId, null);
	}

	@Override
	public List<Item> forUnit(long unitId) {
		return items(null, unitId);
	}

	private List<Item> items(Long ownerId, Long unitId) {
		var locale = LocaleContextHolder.getLocale();
		List<Item> items = new ArrayList<>();
		for (boolean done : new boolean[] { false, true }) {
			for (ReturnCalls.Task t : calls.tasks(ReturnCalls.TaskFilter.of(done, null, null, ownerId, unitId), 0, 20).items()) {
				items.add(new Item(messages.getMessage("returnCall.kind." + t.kind(), null, locale) + " " + t.caseCode()
						+ (t.comment() == null ? "" : "：" + t.comment()), "/return-calls/" + t.id(),
						messages.getMessage("returnCall.state." + t.state(), null, locale)
								+ (t.satisfied() == null ? "" : " · " + messages.getMessage(t.satisfied() ? "complaint.satisfied" : "complaint.notSatisfied", null, locale)),
						(t.doneAt() != null ? t.doneAt() : t.dueAt()).atZone(BusinessClock.ZONE).toLocalDate().toString(),
						t.overdue() || Boolean.FALSE.equals(t.satisfied())));
			}
		}
		for (Map<String, Object> a : surveys.forOwner(ownerId != null ? "owner_id" : "unit_id", ownerId != null ? ownerId : unitId)) {
			java.sql.Timestamp at = (java.sql.Timestamp) a.get("answered_at");
			items.add(new Item((String) a.get("name"), "/surveys/targets/" + a.get("id"),
					messages.getMessage("survey.campaign.answered", null, locale),
					at.toInstant().atZone(BusinessClock.ZONE).toLocalDate().toString(), false));
		}
		return items;
	}

}
