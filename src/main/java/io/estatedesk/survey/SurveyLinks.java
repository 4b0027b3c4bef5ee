package io.estatedesk.survey;

import java.util.function.Consumer;

import io.nayuki.qrcodegen.QrCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The owners' personal survey links ({@code /s/<token>}, good for one answer) as staff send them: the full address of
 * each target, a QR code of it for a phone's camera, and every unanswered target with its mobile number for the SMS
 * sending to come. Whoever may run the campaign (SURVEY_MANAGE) may see them.
 */
@Component
class SurveyLinks {

	static final String PERMISSION = "SURVEY_MANAGE";

	/** A target's link with the owner's (unmasked) mobile number, for sending. */
	record Link(long targetId, long ownerId, String ownerName, String mobile, String url) {
	}

	private final JdbcTemplate jdbc;

	private final String baseUrl;

	SurveyLinks(JdbcTemplate jdbc, @Value("${estatedesk.base-url:http://localhost:8080}") String baseUrl) {
		this.jdbc = jdbc;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** The full address of a personal link. */
	String url(String token) {
		return baseUrl + "/s/" + token;
	}

	String url(Surveys.Target t) {
		return url(t.token());
	}

	/** Each target of the campaign that has not answered yet, in order, with its link (for SMS). */
	void eachUnanswered(long campaignId, Consumer<Link> each) {
		jdbc.query("""
				select g.id, g.owner_id, o.name, o.mobile, g.token
				from survey_target g join estate_owner o on o.id = g.owner_id
				where g.campaign_id = ? and g.answered_at is null order by g.id""",
				rs -> {
					each.accept(new Link(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), url(rs.getString(5))));
				}, campaignId);
	}

	/** A QR code of the address as SVG: black modules on white with the standard quiet zone of four modules. */
	static String qrSvg(String text) {
		QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
		int border = 4;
		int size = qr.size + border * 2;
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < qr.size; y++) {
			for (int x = 0; x < qr.size; x++) {
				if (qr.getModule(x, y)) {
					path.append('M').append(x + border).append(',').append(y + border).append("h1v1h-1z");
				}
			}
		}
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 " + size + " " + size
				+ "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/><path d=\"" + path
				+ "\" fill=\"#000000\"/></svg>";
	}

}
