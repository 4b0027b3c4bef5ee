package io.estatedesk.complaint;

import java.sql.Array;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * Chinese full-text search in PostgreSQL. Every pair of adjacent Chinese characters of a complaint's text (and
 * every Latin word or number) is kept in a GIN-indexed array, so a search for 漏水 finds every complaint that
 * contains 漏水 — also where a word segmenter would have cut the sentence differently (渗漏水管). Longer words are
 * looked up by their rarest pair and then confirmed in the text itself.
 */
@Component
class ComplaintSearch {

	private final JdbcTemplate jdbc;

	/** The share of complaints holding a character pair (0 when not known to be common). */
	private final ToDoubleFunction<String> frequencies;

	@Autowired
	ComplaintSearch(JdbcTemplate jdbc) {
		this(jdbc, new Frequencies(jdbc)::of);
	}

	ComplaintSearch(JdbcTemplate jdbc, ToDoubleFunction<String> frequencies) {
		this.jdbc = jdbc;
		this.frequencies = frequencies;
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
	 * occur. Only the rarest character pair of all the words goes to the GIN index — asking the index for every pair
	 * makes PostgreSQL multiply their frequencies, believe a handful of complaints match where tens of thousands do,
	 * and collect them all before sorting. Every word that is not exactly that one pair is confirmed in the text
	 * itself, so the result is exact either way.
	 */
	String condition(String query, MapSqlParameterSource params) {
		List<String> words = new ArrayList<>();
		String rarest = null;
		double rarestFrequency = Double.MAX_VALUE;
		for (String word : query.toLowerCase(Locale.ROOT).strip().split("\\s+")) {
			if (word.isEmpty() || words.contains(word)) {
				continue;
			}
			words.add(word);
			for (String gram : grams(word)) {
				double f = frequencies.applyAsDouble(gram);
				if (f < rarestFrequency) {
					rarest = gram;
					rarestFrequency = f;
				}
			}
		}
		List<String> parts = new ArrayList<>();
		if (rarest != null) {
			params.addValue("gram", arrayLiteral(Set.of(rarest)));
			parts.add("s.grams @> cast(:gram as text[])");
		}
		int n = 0;
		for (String word : words) {
			if (!word.equals(rarest)) {
				String p = "w" + n++;
				params.addValue(p, word);
				parts.add("strpos(s.doc, :" + p + ") > 0");
			}
		}
		if (parts.isEmpty()) {
			return "true";
		}
		return "c.id in (select s.complaint_id from complaint_search s where " + String.join(" and ", parts) + ")";
	}

	/**
	 * How often each character pair occurs, as PostgreSQL's statistics of the index column say (the most common
	 * elements with their share of complaints; a pair not listed is rarer than all of them). Read again every ten
	 * minutes.
	 */
	static final class Frequencies {

		private static final long REFRESH_NANOS = java.time.Duration.ofMinutes(10).toNanos();

		private final JdbcTemplate jdbc;

		private volatile Map<String, Double> byGram = Map.of();

		private volatile long readAt;

		private volatile boolean read;

		Frequencies(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		double of(String gram) {
			if (!read || System.nanoTime() - readAt > REFRESH_NANOS) {
				refresh();
			}
			return byGram.getOrDefault(gram, 0.0);
		}

		private synchronized void refresh() {
			if (read && System.nanoTime() - readAt <= REFRESH_NANOS) {
				return;
			}
			Map<String, Double> m = new HashMap<>();
			jdbc.query("""
					select e, f from pg_stats s,
					  unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as t(e, f)
					where s.schemaname = current_schema() and s.tablename = 'complaint_search' and s.attname = 'grams'
					  and e is not null""", rs -> {
				m.put(rs.getString(1), rs.getDouble(2));
			});
			byGram = m;
			readAt = System.nanoTime();
			read = true;
		}

	}

}
