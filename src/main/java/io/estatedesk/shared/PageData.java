package io.estatedesk.shared;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Data a page hands to its scripts: JSON for a {@code <script type="application/json">} block, written so that no
 * value can end the block or start markup ({@code < > &} and the JavaScript line separators become {@code \\uXXXX}
 * escapes, which JSON reads back as the same characters). Every chart and every other script-read block uses it.
 */
@Component
public class PageData {

	private final JsonMapper json;

	PageData(JsonMapper json) {
		this.json = json;
	}

	/** The JSON text of {@code data}, safe to place verbatim inside a script element. */
	public String embed(Object data) {
		return escape(json.writeValueAsString(data));
	}

	static String escape(String jsonText) {
		StringBuilder out = new StringBuilder(jsonText.length() + 16);
		for (int i = 0; i < jsonText.length(); i++) {
			char c = jsonText.charAt(i);
			switch (c) {
				case '<' -> out.append("\\u003c");
				case '>' -> out.append("\\u003e");
				case '&' -> out.append("\\u0026");
				case '\u2028' -> out.append("\\u2028");
				case '\u2029' -> out.append("\\u2029");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

}
