package io.estatedesk.complaint;

import io.estatedesk.shared.BusinessClock;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Benchmark data: loads generated 投诉 straight into the app's database with {@code COPY} (1,000,000 through the API
 * would take hours), with their search entries computed by the app's own {@link ComplaintSearch#grams(String)} — hence
 * this class sits in the package {@code io.estatedesk.complaint} — and one {@code CREATED} history row each.
 *
 * <p>Usage: {@code ComplaintBulkLoader <jdbc-url> <target complaints> <project ids, comma-separated> [seed]}. Loads
 * {@code target − existing} complaints (nothing if the table already holds the target). The projects get shares of
 * 22 %, 16 %, 13 % … 1 % in the order given (the last ones are the small projects the recall check pages through);
 * every project has three 客服 accounts of its own ({@code bench-kfPP-N}, created here by SQL if missing) who receive
 * and handle its complaints, plus a central hotline desk ({@code bench-rx-N}) that receives 15 % of all.
 *
 * <p>Data: dates 2024-01-01 … yesterday, ids ascending with time, codes {@code TS-yyyy-nnnnnn} continuing
 * {@code complaint_sequence}; texts built from phrases (业主来电反映：5号楼2单元1502室，厨房顶棚漏水…), where 漏水 occurs
 * in 9 % of the complaints, 噪音 ≈ 7 %, 电梯 ≈ 7 %, 物业费 ≈ 4 %, 墙面开裂 1.5 %, 地下室渗水 0.8 %, 外墙脱落 0.3 %, plus
 * traps that hold every pair of 墙面开裂 but not the word (墙面开关面板开裂). States: 70 % CLOSED, the rest spread over
 * the others; about 3.5 % of all are overdue (open, due dates in the past, already escalated the way the deadline
 * job would have done), about a third of the other open ones wait for the owner, the rest have due dates ahead.
 *
 * <p>Everything happens in one transaction: the non-unique indexes of the three tables are dropped, the rows are
 * copied, the indexes are re-created from their saved definitions ({@code pg_get_indexdef}), and foreign keys are not
 * re-checked ({@code session_replication_role = replica}; the ids are valid by construction). Then
 * {@code VACUUM (ANALYZE)}. At the end it prints lines {@code word <w> <count>} with how many generated complaints
 * contain each benchmark word.
 */
public final class ComplaintBulkLoader {

	static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

	static final String[] WORDS = { "漏水", "噪音", "电梯", "物业费", "墙面开裂", "地下室渗水", "外墙脱落", "卫生间", "停车" };

	/** Project shares in per mille, in the order the project ids are given (repeated if more are given). */
	static final int[] PROJECT_PER_MILLE = { 220, 160, 130, 110, 90, 80, 70, 50, 40, 25, 15, 10 };

	// ---------------------------------------------------------------- vocabulary

	/** An issue: its sentence variants, category name, weight in per mille of all complaints. */
	record Issue(String category, int perMille, String... sentences) {
	}

	static final List<Issue> ISSUES = List.of(
			// 漏水: 8.6 % as the main problem, ≈ 9.0 % with the second problems (物业服务 for the shared parts); weights add up to 1000
			new Issue("房屋质量", 72, "厨房顶棚漏水，怀疑楼上卫生间防水没做好", "卫生间墙角漏水，楼下邻居家吊顶已经发霉",
					"阳台推拉窗下雨天漏水，窗台积水", "客厅天花板漏水，滴到地板上，木地板起拱", "楼上住户装修后我家卧室顶部漏水",
					"暖气管道接口漏水，屋内地面全湿", "屋顶防水层老化，顶层住户雨天漏水严重", "外窗框与墙体之间漏水，墙纸被泡坏",
					"卫生间渗漏水管接头松动，维修两次仍未解决", "空调冷凝水管漏水，外墙面有水渍"),
			new Issue("物业服务", 14, "地下车库顶板漏水，车辆被污水弄脏", "公共管井漏水，水流到电梯厅", "楼道消防管道漏水无人处理"),
			// 墙面开裂 1.5 %, 地下室渗水 0.8 %, 外墙脱落 0.3 %, and a trap for 墙面开裂 (all its pairs, not the word)
			new Issue("房屋质量", 15, "客厅墙面开裂，裂缝有一毫米宽", "卧室墙面开裂并起皮，交房不到一年", "楼梯间墙面开裂，担心结构安全"),
			new Issue("房屋质量", 8, "地下室渗水，储藏物品受潮", "地下室渗水严重，墙角长霉"),
			new Issue("房屋质量", 3, "外墙脱落砸坏楼下车辆", "外墙脱落，存在安全隐患"),
			new Issue("房屋质量", 3, "墙面开关面板开裂，存在触电隐患"),
			// 电梯 ≈ 6 %, 噪音 ≈ 7 % (some both)
			new Issue("物业服务", 45, "电梯近一周停运三次，老人上下楼困难", "电梯经常困人，物业响应慢", "电梯按钮失灵，维修不及时"),
			new Issue("配套设施", 10, "电梯数量不足，高峰期等候时间过长"),
			new Issue("环境噪音", 10, "电梯运行时噪音很大，影响休息"),
			new Issue("环境噪音", 60, "夜间十点后仍有施工噪音，影响休息", "楼下商铺噪音扰民，多次反映未解决", "水泵房噪音很大，有低频震动",
					"广场舞噪音扰民，晚上无法学习"),
			// 物业费 4 %
			new Issue("物业服务", 40, "物业费收费明细不透明，要求公示", "物业费上涨未经业主大会同意", "未交房就开始收取物业费"),
			// the rest
			new Issue("物业服务", 70, "停车位被外来车辆长期占用", "停车费标准不合理，与合同约定不符"),
			new Issue("配套设施", 60, "小区东侧绿化迟迟没有完工，与销售时宣传不符", "绿化带被破坏无人管理"),
			new Issue("配套设施", 50, "小区门禁系统经常失灵，外来人员随意进出", "门禁卡无法开门，补办手续繁琐"),
			new Issue("交房", 100, "交房时发现入户门变形无法关严", "交房延期两个月，要求按合同赔偿", "交房时发现地面空鼓"),
			new Issue("销售合同", 60, "合同约定的地下储藏室面积与实际不符", "房屋实测面积与合同不符", "销售承诺的学校至今未建"),
			new Issue("物业服务", 130, "地下车库夜间照明经常不亮，存在安全隐患", "垃圾清运不及时，气味难闻", "宠物粪便无人清理",
					"快递柜设置不合理，取件排队"),
			new Issue("房屋质量", 130, "阳台推拉窗漏风，冬天室内温度低", "卫生间地漏返味，下水不畅", "木门开裂变形，关不严",
					"瓷砖空鼓脱落", "墙面多处起皮发霉"),
			new Issue("配套设施", 45, "小区路灯不亮，晚上出行不便", "儿童游乐设施损坏，存在安全隐患"),
			new Issue("其他", 75, "对客服人员的服务态度不满意", "多次来电无人接听", "要求开具购房相关证明"));

	static final Map<String, String> OPENERS = Map.of("PHONE", "业主来电反映：", "VISIT", "业主来访称：", "LETTER", "业主来信反映：",
			"ONLINE", "业主在线留言：", "GOVERNMENT", "12345热线转办：", "MEDIA", "媒体报道：", "INTERNAL", "客服巡查发现：");

	static final String[] SINCE = { "已经持续三天", "多次报修无果", "已向物业反映两次", "上周开始出现", "交房后一直存在", "昨晚开始",
			"" };

	static final String[] REMEDY = { "尽快维修", "尽快维修并赔偿损失", "给出书面答复", "要求物业公司整改", "希望尽快解决",
			"退还多收的费用", "按合同约定处理", "" };

	static final String[] CAUSE = { "经现场查看，属施工遗留问题。", "经核实，属物业服务不到位。", "经调查，属设计缺陷，需整体整改。",
			"经核查，业主反映情况属实。", "经查看，属使用不当造成。" };

	static final String[] CORRECTIVE = { "协调施工单位三个工作日内整改，完成后由客服部验收。", "要求物业公司加强日常巡查并限期整改。",
			"已安排维修班组上门处理。", "与业主协商一致后按方案整改。" };

	static final String[] OPINION = { "同意整改方案，整改期间做好业主沟通。", "按合同约定处理，做好解释工作。", "" };

	static final String[] REPLY = { "已安排施工单位整改完毕，经客服部验收合格，感谢您的理解与支持。", "问题已处理完毕，如有疑问请随时联系客服中心。",
			"经核实已按合同约定处理，详见书面答复。" };

	static final String[] REPLY_WAY = { "电话", "上门", "短信", "书面" };

	static final String[] RETURN_OK = { "业主对处理结果满意。", "业主认为处理较慢，基本满意。" };

	static final String[] RETURN_NOT_OK = { "业主不满意，要求继续跟进。" };

	static final String[] LESSON = { "同类问题应在交房前重点检查，整改时同步告知业主进度。", "加强与物业公司的沟通，缩短响应时间。", "", "", "" };

	static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
			"郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田" };

	static final int[] SURNAME_WEIGHT = { 71, 70, 67, 54, 45, 31, 22, 20, 20, 19, 16, 15, 14, 13, 12, 12, 11, 10, 10, 9, 9,
			9, 8, 8, 7, 7, 7, 7, 7, 6, 6, 6, 6, 5 };

	static final String[] GIVEN = { "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华", "飞",
			"建国", "志强", "文博", "子轩", "浩然", "俊杰", "建华", "海涛", "晓东", "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞",
			"秀英", "玲", "桂英", "婷", "雪", "欣怡", "雨桐", "淑珍", "丽华", "晓燕", "春梅", "玉兰" };

	/** channel, per mille */
	static final String[] CHANNELS = { "PHONE", "VISIT", "ONLINE", "LETTER", "GOVERNMENT", "MEDIA", "INTERNAL" };

	static final int[] CHANNEL_PER_MILLE = { 450, 150, 200, 30, 80, 10, 80 };

	/** non-closed states and their share of the open ones (per mille) */
	static final String[] OPEN_STATES = { "RECEIVED", "IN_PROGRESS", "PENDING_INSTRUCTION", "PENDING_REPLY", "REPLIED",
			"RETURN_VISITED" };

	static final int[] OPEN_STATE_PER_MILLE = { 170, 200, 60, 170, 200, 200 };

	// ---------------------------------------------------------------- loading

	private static final String COMPLAINT_COLUMNS = "id, code, project_id, complaint_date, complainant, complained_at, "
			+ "contact_phone, receiver_id, handler_id, channel, category_id, severity, group_case, content, remedy, "
			+ "cause_analysis, corrective_action, handling_opinion, leader_instruction, leader_id, instructed_at, "
			+ "reply_content, reply_way, state, waiting_since, ack_due, reply_due, close_due, acknowledged_at, replied_at, "
			+ "closed_at, ack_warned_at, reply_warned_at, close_warned_at, ack_escalated_at, reply_escalated_at, "
			+ "close_escalated_at, return_satisfied, return_result, lesson, created_at, updated_at, version";

	private static final int BATCH = 20_000;

	public static void main(String[] args) throws Exception {
		if (args.length < 3) {
			System.err.println("usage: ComplaintBulkLoader <jdbc-url> <target complaints> <project ids,…> [seed]");
			System.exit(2);
		}
		String url = args[0];
		long target = Long.parseLong(args[1]);
		long[] projects = Arrays.stream(args[2].split(",")).mapToLong(Long::parseLong).toArray();
		long seed = args.length > 3 ? Long.parseLong(args[3]) : 2026;
		try (Connection con = DriverManager.getConnection(url, "postgres", "")) {
			new ComplaintBulkLoader(con, projects, seed).load(target);
		}
	}

	private final Connection con;

	private final long[] projects;

	private final SplittableRandom random;

	private final Instant now = BusinessClock.now();

	private final Map<String, Long> categories = new HashMap<>();

	/** per project: its three 客服 (id, username) */
	private long[][] projectStaff;

	private String[][] projectStaffNames;

	private long[] desk;

	private String[] deskNames;

	private long leader;

	private final Map<String, Long> wordCounts = new LinkedHashMap<>();

	private final int[] issueCum;

	private final int issueTotal;

	ComplaintBulkLoader(Connection con, long[] projects, long seed) {
		this.con = con;
		this.projects = projects;
		this.random = new SplittableRandom(seed);
		this.issueCum = new int[ISSUES.size()];
		int sum = 0;
		for (int i = 0; i < ISSUES.size(); i++) {
			sum += ISSUES.get(i).perMille();
			issueCum[i] = sum;
		}
		this.issueTotal = sum;
		for (String w : WORDS) {
			wordCounts.put(w, 0L);
		}
	}

	void load(long target) throws SQLException {
		long existing = single("select count(*) from complaint");
		if (existing >= target) {
			System.out.println("complaints already loaded: " + existing);
			return;
		}
		long n = target - existing;
		long started = System.nanoTime();
		con.setAutoCommit(false);
		try (Statement s = con.createStatement()) {
			s.execute("set local session_replication_role = replica");
			s.execute("set local maintenance_work_mem = '512MB'");
			s.execute("lock table complaint, complaint_search, complaint_history in exclusive mode");
		}
		loadReferenceData();
		List<String> indexes = dropIndexes();
		log("dropped %d indexes; generating and copying %,d complaints", indexes.size(), n);
		copyComplaints(n);
		log("copied in %.0f s; re-creating the indexes", seconds(started));
		try (Statement s = con.createStatement()) {
			for (String def : indexes) {
				long t = System.nanoTime();
				s.execute(def);
				log("  %s (%.0f s)", def, seconds(t));
			}
			// the copy went past the trigger that keeps the day and month sums: recompute them
			long t = System.nanoTime();
			s.execute("select complaint_figures_rebuild()");
			log("  complaint figures recomputed (%.0f s)", seconds(t));
		}
		con.commit();
		con.setAutoCommit(true);
		log("committed after %.0f s; VACUUM (ANALYZE)", seconds(started));
		try (Statement s = con.createStatement()) {
			for (String t : List.of("complaint", "complaint_search", "complaint_history", "complaint_sequence", "staff_account",
					"complaint_day_figures", "complaint_month_figures")) {
				s.execute("vacuum (analyze) " + t);
			}
		}
		log("done: %,d complaints loaded in %.0f s", n, seconds(started));
		wordCounts.forEach((w, c) -> System.out.println("word " + w + " " + c));
	}

	private void loadReferenceData() throws SQLException {
		try (Statement s = con.createStatement(); ResultSet rs = s.executeQuery("select id, name from complaint_category")) {
			while (rs.next()) {
				categories.put(rs.getString(2), rs.getLong(1));
			}
		}
		for (Issue i : ISSUES) {
			if (!categories.containsKey(i.category())) {
				throw new IllegalStateException("no complaint category " + i.category());
			}
		}
		projectStaff = new long[projects.length][3];
		projectStaffNames = new String[projects.length][3];
		for (int p = 0; p < projects.length; p++) {
			for (int k = 0; k < 3; k++) {
				projectStaffNames[p][k] = "bench-kf%02d-%d".formatted(p + 1, k + 1);
				projectStaff[p][k] = staff(projectStaffNames[p][k], "OFFICE");
			}
		}
		desk = new long[4];
		deskNames = new String[4];
		for (int k = 0; k < desk.length; k++) {
			deskNames[k] = "bench-rx-" + (k + 1);
			desk[k] = staff(deskNames[k], "OFFICE");
		}
		leader = staff("bench-leader", "LEADER");
	}

	/** The id of a staff account, created (with admin's password hash and the given role) if missing. */
	private long staff(String username, String role) throws SQLException {
		try (PreparedStatement ps = con.prepareStatement("select id from staff_account where username = ?")) {
			ps.setString(1, username);
			try (ResultSet rs = ps.executeQuery()) {
				if (rs.next()) {
					return rs.getLong(1);
				}
			}
		}
		long id;
		try (PreparedStatement ps = con.prepareStatement("""
				insert into staff_account (username, display_name, password_hash, enabled, organization)
				select ?, ?, password_hash, true, '客户服务部' from staff_account where username = 'admin'
				returning id""")) {
			ps.setString(1, username);
			ps.setString(2, name());
			try (ResultSet rs = ps.executeQuery()) {
				if (!rs.next()) {
					throw new IllegalStateException("no admin account to copy");
				}
				id = rs.getLong(1);
			}
		}
		try (PreparedStatement ps = con.prepareStatement(
				"insert into staff_role (staff_id, role_id) select ?, id from role where code = ?")) {
			ps.setLong(1, id);
			ps.setString(2, role);
			ps.executeUpdate();
		}
		return id;
	}

	private List<String> dropIndexes() throws SQLException {
		List<String> defs = new ArrayList<>();
		List<String> names = new ArrayList<>();
		try (Statement s = con.createStatement(); ResultSet rs = s.executeQuery("""
				select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) from pg_index i
				where i.indrelid in ('complaint'::regclass, 'complaint_search'::regclass, 'complaint_history'::regclass)
				  and not i.indisunique and not i.indisprimary
				  and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
				order by 1""")) {
			while (rs.next()) {
				names.add(rs.getString(1));
				defs.add(rs.getString(2));
			}
		}
		try (Statement s = con.createStatement()) {
			for (String name : names) {
				s.execute("drop index " + name);
			}
		}
		return defs;
	}

	private void copyComplaints(long n) throws SQLException {
		CopyManager copy = con.unwrap(PGConnection.class).getCopyAPI();
		long base = single("select greatest((select coalesce(max(id), 0) from complaint), "
				+ "(select last_value from complaint_id_seq))");
		Map<Integer, Long> seq = new HashMap<>();
		try (Statement s = con.createStatement(); ResultSet rs = s.executeQuery("select year, last_value from complaint_sequence")) {
			while (rs.next()) {
				seq.put(rs.getInt(1), rs.getLong(2));
			}
		}
		String codeFormat = "TS-{yyyy}-{seq:6}";
		try (Statement s = con.createStatement();
				ResultSet rs = s.executeQuery("select value from complaint_setting where key = 'code.format'")) {
			if (rs.next()) {
				codeFormat = rs.getString(1);
			}
		}
		LocalDate first = LocalDate.of(2024, 1, 1);
		LocalDate last = LocalDate.ofInstant(now, CHINA).minusDays(1);
		long days = ChronoUnit.DAYS.between(first, last) + 1;
		int[] projectCum = new int[projects.length];
		int pSum = 0;
		for (int p = 0; p < projects.length; p++) {
			pSum += PROJECT_PER_MILLE[p % PROJECT_PER_MILLE.length];
			projectCum[p] = pSum;
		}
		StringBuilder complaints = new StringBuilder(1 << 24);
		StringBuilder search = new StringBuilder(1 << 24);
		StringBuilder history = new StringBuilder(1 << 22);
		long t = System.nanoTime();
		for (long i = 0; i < n; i++) {
			long id = base + 1 + i;
			LocalDate day = first.plusDays(i * days / n);
			int year = day.getYear();
			long number = seq.merge(year, 1L, Long::sum);
			int p = pick(projectCum, pSum);
			row(id, ComplaintCodes.format(codeFormat, year, number), p, day, complaints, search, history);
			if ((i + 1) % BATCH == 0 || i + 1 == n) {
				copyIn(copy, "copy complaint (" + COMPLAINT_COLUMNS + ") from stdin", complaints);
				copyIn(copy, "copy complaint_search (complaint_id, grams, doc) from stdin", search);
				copyIn(copy, "copy complaint_history (complaint_id, version, occurred_at, actor, kind, new_value) from stdin",
						history);
				if ((i + 1) % (BATCH * 10) == 0 || i + 1 == n) {
					log("  %,d rows (%.0f rows/s)", i + 1, (i + 1) / seconds(t));
				}
			}
		}
		try (Statement s = con.createStatement()) {
			s.execute("select setval('complaint_id_seq', " + (base + n) + ")");
			for (var e : seq.entrySet()) {
				s.execute("insert into complaint_sequence (year, last_value) values (" + e.getKey() + ", " + e.getValue()
						+ ") on conflict (year) do update set last_value = greatest(complaint_sequence.last_value, excluded.last_value)");
			}
		}
	}

	private static void copyIn(CopyManager copy, String sql, StringBuilder data) throws SQLException {
		if (data.isEmpty()) {
			return;
		}
		try {
			copy.copyIn(sql, new StringReader(data.toString()));
		}
		catch (java.io.IOException e) {
			throw new SQLException(e);
		}
		data.setLength(0);
	}

	/** One complaint with its search entry and history row, appended in COPY text format. */
	private void row(long id, String code, int p, LocalDate day, StringBuilder out, StringBuilder search,
			StringBuilder history) {
		String channel = CHANNELS[pick(CHANNEL_CUM, 1000)];
		int issueIndex = pick(issueCum, issueTotal);
		Issue issue = ISSUES.get(issueIndex);
		StringBuilder content = new StringBuilder(OPENERS.get(channel));
		if (random.nextInt(100) < 70) {
			content.append(1 + random.nextInt(18)).append("号楼").append(1 + random.nextInt(4)).append("单元")
				.append(1 + random.nextInt(32)).append(String.format("%02d", 1 + random.nextInt(4))).append("室，");
		}
		content.append(oneOf(issue.sentences()));
		if (random.nextInt(100) < 5) { // a second problem in the same call
			Issue other = ISSUES.get(pick(issueCum, issueTotal));
			content.append("；另外，").append(oneOf(other.sentences()));
		}
		String since = oneOf(SINCE);
		if (!since.isEmpty()) {
			content.append("，").append(since);
		}
		content.append("。");
		String text = content.toString();
		String remedy = oneOf(REMEDY);
		String severity = random.nextInt(100) < 4 ? "MAJOR" : "GENERAL";
		boolean group = random.nextInt(1000) < 8;
		String complainant = random.nextInt(100) < 20 ? oneSurname() + (random.nextBoolean() ? "先生" : "女士") : name();

		// people: the project's 客服 receive and handle most; the hotline desk receives 15 % and hands them over
		int k = random.nextInt(3);
		long receiver;
		String receiverName;
		if (random.nextInt(100) < 15) {
			int d = random.nextInt(desk.length);
			receiver = desk[d];
			receiverName = deskNames[d];
		}
		else {
			receiver = projectStaff[p][k];
			receiverName = projectStaffNames[p][k];
		}
		long handler = random.nextInt(100) < 90 && receiver == projectStaff[p][k] ? receiver : projectStaff[p][random.nextInt(3)];

		// times (China time, working hours)
		OffsetDateTime at = day.atTime(8, 30).atOffset(CHINA).plusMinutes(random.nextInt(11 * 60));
		Instant complainedAt = at.toInstant();
		Instant createdAt = complainedAt.plusSeconds(60 + random.nextInt(3600));
		Instant ackDue = complainedAt.plus(Duration.ofHours(4));
		Instant replyDue = complainedAt.plus(Duration.ofHours(24));
		Instant closeDue = complainedAt.plus(Duration.ofDays(severity.equals("MAJOR") ? 3 : 5));

		String state;
		boolean overdue = false;
		boolean waiting = false;
		int r = random.nextInt(1000);
		if (r < 700) {
			state = "CLOSED";
		}
		else {
			state = OPEN_STATES[pick(OPEN_STATE_CUM, 1000)];
			if (state.equals("PENDING_INSTRUCTION") && !severity.equals("MAJOR")) {
				state = "PENDING_REPLY";
			}
			int o = random.nextInt(1000);
			overdue = o < 117; // 11.7 % of the open ones ≈ 3.5 % of all
			waiting = !overdue && o < 117 + 290;
		}
		int stage = switch (state) {
			case "RECEIVED" -> 0;
			case "IN_PROGRESS" -> 1;
			case "PENDING_INSTRUCTION" -> 2;
			case "PENDING_REPLY" -> 3;
			case "REPLIED" -> 4;
			case "RETURN_VISITED" -> 5;
			default -> 6;
		};
		Instant acknowledged = stage >= 1 ? complainedAt.plusSeconds(600 + random.nextInt(3 * 3600)) : null;
		boolean instructed = severity.equals("MAJOR") && stage >= 3;
		Instant instructedAt = instructed ? acknowledged.plusSeconds(3600 + random.nextInt(4 * 3600)) : null;
		Instant replied = stage >= 4 ? complainedAt.plusSeconds(4 * 3600 + random.nextInt(26 * 3600)) : null;
		Instant closed = stage >= 6 ? replied.plusSeconds(86_400 + random.nextInt(3 * 86_400)) : null;
		Instant waitingSince = null;
		if (stage < 6 && !overdue) {
			if (waiting) {
				waitingSince = now.minusSeconds(3600 + random.nextInt(20 * 86_400));
			}
			else {
				// open and in time: its deadlines lie ahead (extended, or the complaint is recent)
				if (stage == 0) {
					ackDue = now.plusSeconds(1800 + random.nextInt(4 * 3600));
				}
				if (replied == null) {
					replyDue = now.plusSeconds(3600 + random.nextInt(5 * 86_400));
				}
				closeDue = now.plusSeconds(86_400 + random.nextInt(15 * 86_400));
			}
		}
		// the last days' complaints: nothing has happened after now
		Instant latest = now.minusSeconds(60);
		acknowledged = min(acknowledged, latest);
		instructedAt = min(instructedAt, latest);
		replied = min(replied, latest);
		closed = min(closed, latest);
		// what the deadline job would have recorded: warnings an hour before, escalations when a limit passed unmet
		Instant ackWarned = null, replyWarned = null, closeWarned = null, ackEsc = null, replyEsc = null, closeEsc = null;
		if (waitingSince == null) {
			Instant ackDone = acknowledged != null ? acknowledged : closed;
			if (ackDue.isBefore(now) && (ackDone == null || ackDone.isAfter(ackDue))) {
				ackWarned = ackDue.minusSeconds(3600);
				ackEsc = ackDue.plusSeconds(60);
			}
			Instant replyDone = replied != null ? replied : closed;
			if (replyDue.isBefore(now) && (replyDone == null || replyDone.isAfter(replyDue))) {
				replyWarned = replyDue.minusSeconds(3600);
				replyEsc = replyDue.plusSeconds(60);
			}
			if (closeDue.isBefore(now) && (closed == null || closed.isAfter(closeDue))) {
				closeWarned = closeDue.minusSeconds(3600);
				closeEsc = closeDue.plusSeconds(60);
			}
		}

		String cause = stage >= 2 ? oneOf(CAUSE) : "";
		String corrective = stage >= 2 ? oneOf(CORRECTIVE) : "";
		String opinion = stage >= 2 ? oneOf(OPINION) : "";
		String instruction = instructed ? "高度重视，尽快处理，处理结果报我。" : "";
		String reply = stage >= 4 ? oneOf(REPLY) : "";
		String replyWay = stage >= 4 ? oneOf(REPLY_WAY) : null;
		Boolean satisfied = stage >= 5 ? random.nextInt(100) < 90 : null;
		String returnResult = satisfied == null ? "" : satisfied ? oneOf(RETURN_OK) : oneOf(RETURN_NOT_OK);
		String lesson = stage >= 6 ? oneOf(LESSON) : "";
		Instant updated = max(createdAt, acknowledged, instructedAt, replied, closed, waitingSince);
		if (updated.isAfter(now)) {
			updated = now;
		}

		field(out, id).field(out, code).field(out, projects[p]).field(out, day).field(out, complainant)
			.field(out, ts(complainedAt)).field(out, random.nextInt(100) < 85 ? mobile() : null).field(out, receiver)
			.field(out, handler).field(out, channel).field(out, categories.get(issue.category())).field(out, severity)
			.field(out, group ? "t" : "f").field(out, text).field(out, remedy).field(out, cause).field(out, corrective)
			.field(out, opinion).field(out, instruction).field(out, instructed ? leader : null).field(out, ts(instructedAt))
			.field(out, reply).field(out, replyWay).field(out, state).field(out, ts(waitingSince)).field(out, ts(ackDue))
			.field(out, ts(replyDue)).field(out, ts(closeDue)).field(out, ts(acknowledged)).field(out, ts(replied))
			.field(out, ts(closed)).field(out, ts(ackWarned)).field(out, ts(replyWarned)).field(out, ts(closeWarned))
			.field(out, ts(ackEsc)).field(out, ts(replyEsc)).field(out, ts(closeEsc))
			.field(out, satisfied == null ? null : satisfied ? "t" : "f").field(out, returnResult).field(out, lesson)
			.field(out, ts(createdAt)).field(out, ts(updated));
		out.append('0').append('\n');

		// the search entry exactly as ComplaintSearch.index builds it (no follow-ups here)
		String doc = String.join(" ", code, complainant, text, remedy, cause, corrective, opinion, instruction, reply,
				returnResult, lesson).toLowerCase(Locale.ROOT);
		Set<String> grams = ComplaintSearch.grams(doc);
		field(search, id).field(search, ComplaintSearch.arrayLiteral(grams));
		escape(search, doc);
		search.append('\n');

		field(history, id).field(history, 0).field(history, ts(createdAt)).field(history, receiverName)
			.field(history, "CREATED");
		history.append("RECEIVED\n");

		for (var e : wordCounts.entrySet()) {
			if (doc.contains(e.getKey())) {
				e.setValue(e.getValue() + 1);
			}
		}
	}

	// ---------------------------------------------------------------- helpers

	private ComplaintBulkLoader field(StringBuilder sb, Object value) {
		if (value == null) {
			sb.append("\\N");
		}
		else {
			escape(sb, value.toString());
		}
		sb.append('\t');
		return this;
	}

	private static void escape(StringBuilder sb, String s) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '\\' -> sb.append("\\\\");
				case '\t' -> sb.append("\\t");
				case '\n' -> sb.append("\\n");
				case '\r' -> sb.append("\\r");
				default -> sb.append(c);
			}
		}
	}

	private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssXXX");

	private static String ts(Instant i) {
		return i == null ? null : TS.format(i.atOffset(CHINA));
	}

	private static Instant min(Instant value, Instant cap) {
		return value == null || value.isBefore(cap) ? value : cap;
	}

	private static Instant max(Instant... values) {
		Instant m = null;
		for (Instant v : values) {
			if (v != null && (m == null || v.isAfter(m))) {
				m = v;
			}
		}
		return m;
	}

	private static int[] cumulative(int[] weights) {
		int[] c = new int[weights.length];
		int s = 0;
		for (int i = 0; i < weights.length; i++) {
			s += weights[i];
			c[i] = s;
		}
		return c;
	}

	private int pick(int[] cumulative, int total) {
		int r = random.nextInt(total);
		for (int i = 0; i < cumulative.length; i++) {
			if (r < cumulative[i]) {
				return i;
			}
		}
		return cumulative.length - 1;
	}

	private String oneOf(String[] values) {
		return values[random.nextInt(values.length)];
	}

	private static final int SURNAME_TOTAL = Arrays.stream(SURNAME_WEIGHT).sum();

	private static final int[] SURNAME_CUM = cumulative(SURNAME_WEIGHT);

	private static final int[] CHANNEL_CUM = cumulative(CHANNEL_PER_MILLE);

	private static final int[] OPEN_STATE_CUM = cumulative(OPEN_STATE_PER_MILLE);

	private String oneSurname() {
		return SURNAMES[pick(SURNAME_CUM, SURNAME_TOTAL)];
	}

	private String name() {
		return oneSurname() + oneOf(GIVEN);
	}

	private static final String[] MOBILE_PREFIXES = { "135", "136", "137", "138", "139", "150", "151", "152", "158", "159",
			"186", "187", "188", "130", "131", "132", "155", "156", "133", "153", "180", "189", "177", "199" };

	private String mobile() {
		return oneOf(MOBILE_PREFIXES) + String.format("%08d", random.nextInt(100_000_000));
	}

	private long single(String sql) throws SQLException {
		try (Statement s = con.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	private static void log(String format, Object... args) {
		System.err.printf("[loader] " + format + "%n", args);
	}

}
