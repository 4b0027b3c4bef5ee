package io.estatedesk.notification;

import io.estatedesk.staff.Permissions;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** 消息: the signed-in user's notifications, and the unread count in the page header. */
@Controller
class NotificationController {

	private final Notifications notifications;

	private final Permissions permissions;

	NotificationController(Notifications notifications, Permissions permissions) {
		this.notifications = notifications;
		this.permissions = permissions;
	}

	@GetMapping("/notifications")
	String list(Model model) {
		long me = permissions.currentStaffId().orElseThrow();
		model.addAttribute("notifications", notifications.recent(me, 100));
		return "notification/list";
	}

	@PostMapping("/notifications/{id}/open")
	String open(@PathVariable long id) {
		String link = notifications.open(permissions.currentStaffId().orElseThrow(), id);
		return "redirect:" + (link == null || !link.startsWith("/") ? "/notifications" : link);
	}

	@PostMapping("/notifications/read")
	String readAll() {
		notifications.readAll(permissions.currentStaffId().orElseThrow());
		return "redirect:/notifications";
	}

	/** Adds the unread count to every page. */
	@ControllerAdvice(annotations = Controller.class)
	static class UnreadCount {

		private final Notifications notifications;

		private final Permissions permissions;

		UnreadCount(Notifications notifications, Permissions permissions) {
			this.notifications = notifications;
			this.permissions = permissions;
		}

		@ModelAttribute("unreadNotifications")
		Long unread(HttpServletRequest request) {
			if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				return null;
			}
			return permissions.currentStaffId().map(notifications::unread).orElse(null);
		}

	}

}
