package io.estatedesk.shared;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Gives list pages their current filters as a query string: {@code listQuery} (for exports, without the page)
 * and {@code pageBase} (to which the pager appends a page number).
 */
@ControllerAdvice(annotations = Controller.class)
class PageLinks {

	@ModelAttribute("listQuery")
	String listQuery(HttpServletRequest request) {
		String q = withoutPage(request);
		return q.isEmpty() ? "" : "?" + q;
	}

	@ModelAttribute("pageBase")
	String pageBase(HttpServletRequest request) {
		String q = withoutPage(request);
		return request.getRequestURI() + "?" + (q.isEmpty() ? "" : q + "&") + "page=";
	}

	private static String withoutPage(HttpServletRequest request) {
		String qs = request.getQueryString();
		if (qs == null || qs.isEmpty()) {
			return "";
		}
		String q = UriComponentsBuilder.fromUriString("/?" + qs).replaceQueryParam("page").replaceQueryParam("lang")
			.build(true).getQuery();
		return q == null ? "" : q;
	}

}
