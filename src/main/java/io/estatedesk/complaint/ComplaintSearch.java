package io.estatedesk.complaint;

import java.sql.Array;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * Chinese full-text search in PostgreSQL. Every pair of adjacent Chinese characters of a complaint's text (and
 * every Latin word or number) is kept in a GIN-indexed array, so a search for 漏水 finds every complaint that
 * contains 漏水 — also where a word segmenter would have cut the sentence differently (渗漏水管). Longer words are
 * looked up by all their pairs and then confirmed in the text itself.
 */
@Component
class ComplaintSearch {

	private final JdbcTemplate jdbc;

	ComplaintSearch(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	private static boolean han(int cp) {
		return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
	}

	/** The index terms of a text: Chinese character pairs and lower-case Latin words and numbers. */
	static Set<String> grams(String text) {
		Set<String> grams = new LinkedHashSet<>();
		if (text == null) {
			return grams;
		}
		String t = text.toLowerCase(Locale.ROOT);
		int[] cps = t.codePoints().toArray();
		int i = 0;
		while (i < cps.length) {
			if (han(cps[i])) {
				int j = i;
				while (j < cps.length && han(cps[j])) {
					j++;
				}
				for (int k = i; k + 1 < j; k++) {
					grams.add(new String(cps, k, 2));
				}
				i = j;
			}
			else if (Character.isLetterOrDigit(cps[i])) {
				int j = i;
				while (j < cps.length && Character.isLetterOrDigit(cps[j]) && !han(cps[j])) {
					j++;
				}
				grams.add(new String(cps, i, j - i));
				i = j;
			}
			else {
				i++;
			}
		}
		return grams;
	}

	/** Rebuilds the search entry of one complaint from all its text and its follow-ups. */
	void index(long complaintId) {
		String doc = jdbc.queryForObject("""
				select concat_ws(' ', c.code, c.complainant, c.content, c.remedy, c.cause_analysis, c.corrective_action,
				  c.handling_opinion, c.leader_instruction, c.reply_content, c.return_result, c.lesson,
				  (select string_agg(f.content, ' ' order by f.id) from complaint_followup f where f.complaint_id = c.id))
				from complaint c where c.id = ?""", String.class, complaintId);
		String lower = doc == null ? "" : doc.toLowerCase(Locale.ROOT);
		jdbc.update(con -> {
			var ps = con.prepareStatement("""
					insert into complaint_search (complaint_id, grams, doc) values (?, ?, ?)
					on conflict (complaint_id) do update set grams = excluded.grams, doc = excluded.doc""");
			Array arr = con.createArrayOf("text", grams(lower).toArray());
			ps.setLong(1, complaintId);
			ps.setArray(2, arr);
			ps.setString(3, lower);
			return ps;
		});
	}

	/** A PostgreSQL array literal, each element quoted. */
	static String arrayLiteral(Set<String> values) {
		StringBuilder sb = new StringBuilder("{");
		for (String v : values) {
			if (sb.length() > 1) {
				sb.append(',');
			}
			sb.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
		}
		return sb.append('}').toString();
	}

	/**
	 * The condition on complaint {@code c} for a query of one or more words separated by spaces; every word must
	 * occur.
	 */
	String condition(String query, MapSqlParameterSource params) {
		List<String> parts = new ArrayList<>();
		Set<String> required = new LinkedHashSet<>();
		int n = 0;
		for (String word : query.toLowerCase(Locale.ROOT).strip().split("\\s+")) {
			if (word.isEmpty()) {
				continue;
			}
			Set<String> g = grams(word);
			required.addAll(g);
			boolean exactByGrams = g.size() == 1 && g.iterator().next().equals(word);
			if (!exactByGrams) {
				// a single Chinese character, a longer phrase or mixed text: confirm in the text itself
				String p = "w" + n++;
				params.addValue(p, "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
				parts.add("s.doc like :" + p);
			}
		}
		if (!required.isEmpty()) {
			params.addValue("grams", arrayLiteral(required));
			parts.add(0, "s.grams @> cast(:grams as text[])");
		}
		if (parts.isEmpty()) {
			return "true";
		}
		return "c.id in (select s.complaint_id from complaint_search s where " + String.join(" and ", parts) + ")";
	}

}
