package io.estatedesk.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A page rendered again after a mistake, read as the user sees its form: the message under a field (the element
 * {@code <field>-error} the field points at) and what stands in each field (an input's value, a textarea's text, the
 * option chosen, whether a box is ticked).
 */
public final class FormPage {

	private final String html;

	public FormPage(String html) {
		this.html = html;
	}

	private static String quoted(String id) {
		return Pattern.quote("id=\"" + id + "\"");
	}

	/** The text of the error under {@code field}; fails when there is none. */
	public String errorUnder(String field) {
		Matcher m = Pattern.compile("<div[^>]*" + quoted(field + "-error") + "[^>]*>([^<]*)</div>").matcher(html);
		if (!m.find()) {
			fail("no error under " + field);
		}
		String text = HtmlUtils.htmlUnescape(m.group(1).strip());
		Matcher described = Pattern.compile("aria-describedby=\"([^\"]*)\"").matcher(tag(field));
		assertThat(described.find() ? java.util.List.of(described.group(1).split(" ")) : java.util.List.of())
			.as("the field points at its error").contains(field + "-error");
		return text;
	}

	/** Whether any field shows an error. */
	public boolean hasErrorUnder(String field) {
		return html.contains("id=\"" + field + "-error\"");
	}

	/** The opening tag of the element with the id. */
	private String tag(String id) {
		Matcher m = Pattern.compile("<(input|select|textarea)\\b[^>]*" + quoted(id) + "[^>]*>").matcher(html);
		if (!m.find()) {
			fail("no field " + id);
		}
		return m.group();
	}

	/** What stands in the field: an input's value, a textarea's text, the chosen option's value ("" for none). */
	public String valueOf(String field) {
		String tag = tag(field);
		if (tag.startsWith("<textarea")) {
			Matcher m = Pattern.compile("<textarea\\b[^>]*" + quoted(field) + "[^>]*>([^<]*)</textarea>").matcher(html);
			assertThat(m.find()).isTrue();
			return HtmlUtils.htmlUnescape(m.group(1).replaceFirst("^\n", ""));
		}
		if (tag.startsWith("<select")) {
			Matcher m = Pattern.compile("<select\\b[^>]*" + quoted(field) + "[^>]*>(.*?)</select>", Pattern.DOTALL).matcher(html);
			assertThat(m.find()).isTrue();
			Matcher option = Pattern.compile("<option\\b[^>]*>").matcher(m.group(1));
			while (option.find()) {
				if (option.group().contains("selected=\"selected\"")) {
					Matcher v = Pattern.compile("value=\"([^\"]*)\"").matcher(option.group());
					return v.find() ? HtmlUtils.htmlUnescape(v.group(1)) : "";
				}
			}
			return "";
		}
		Matcher v = Pattern.compile("value=\"([^\"]*)\"").matcher(tag);
		return v.find() ? HtmlUtils.htmlUnescape(v.group(1)) : "";
	}

	/** Whether the checkbox is ticked. */
	public boolean isChecked(String field) {
		return tag(field).contains("checked=\"checked\"");
	}

	public String html() {
		return html;
	}

}
