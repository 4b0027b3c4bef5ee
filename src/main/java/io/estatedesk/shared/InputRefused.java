package io.estatedesk.shared;

/**
 * A single value refused while a request is read (a control character in text, a date out of range), as a message
 * key whose first argument is the field's name; binding and JSON reading turn it into a message next to that field.
 */
public class InputRefused extends IllegalArgumentException {

	private final String key;

	private final transient Object[] args;

	public InputRefused(String key, Object... args) {
		super(key);
		this.key = key;
		this.args = args;
	}

	public String key() {
		return key;
	}

	/** The message arguments after the field's name. */
	public Object[] args() {
		return args.clone();
	}

	/** Refuses text holding a NUL byte or another control character; tab, line feed and carriage return are text. */
	public static String checkText(String text) {
		if (text == null) {
			return null;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)
					|| c == '\uFFFE' || c == '\uFFFF';
			boolean loneSurrogate = Character.isHighSurrogate(c)
					? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))
					: Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
			if (control || loneSurrogate) {
				throw new InputRefused("input.controlCharacter");
			}
		}
		return text;
	}

	/** The earliest and latest date any date field takes: outside them a value is a typing error, not a date. */
	public static final java.time.LocalDate EARLIEST = java.time.LocalDate.of(1900, 1, 1);

	public static final java.time.LocalDate LATEST = java.time.LocalDate.of(2099, 12, 31);

	public static java.time.LocalDate checkDate(java.time.LocalDate date) {
		if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
			throw new InputRefused("input.date.range", EARLIEST, LATEST);
		}
		return date;
	}

}
