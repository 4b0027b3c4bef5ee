package io.estatedesk.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes an owner-archive import file (the template's 17 columns, one row per owner and unit) with realistic,
 * valid data for benchmarks: Chinese names, 11-digit mobiles, 18-character ID numbers with a correct GB 11643 check
 * digit, buildings 1号楼…N号楼 with rooms like 3-1502.
 *
 * <p>Usage: {@code OwnerWorkbookGenerator <output.xlsx> <owners> <project name> <seed>}. About 10 % of the owners get a
 * second unit, so the file has ~1.1 rows per owner. As in files exported by Excel, a row ends at its last non-empty
 * cell (标签 and 备注 are mostly empty). Everything is derived from the seed, so the same arguments give
 * the same file. ID numbers are a bijection of {@code (seed, owner index)}: files generated with different seeds
 * (0…79) and up to 10,000,000 owners each never share an owner, so their imports add up.
 */
public final class OwnerWorkbookGenerator {

	static final List<String> COLUMNS = List.of("项目", "楼栋", "房号", "楼层", "建筑面积", "户型", "房屋状态", "交房日期",
			"业主姓名", "性别", "手机号码", "其他电话", "证件类型", "证件号码", "签约日期", "标签", "备注");

	/**
	 * Common surnames with their share of the population in per mille (王 7.1 %, 李 7.0 %, 张 6.7 % …); drawn relative
	 * to the sum of this list, so in the generated data 王 is about 10 %.
	 */
	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
			"胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田",
			"董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "欧阳", "司马" };

	private static final int[] SURNAME_PER_MILLE = { 71, 70, 67, 54, 45, 31, 22, 20, 20, 19, 16, 15, 14, 13, 12, 12, 11, 10,
			10, 9, 9, 9, 8, 8, 7, 7, 7, 7, 7, 6, 6, 6, 6, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 1, 1 };

	private static final int SURNAME_TOTAL = Arrays.stream(SURNAME_PER_MILLE).sum();

	private static final String[] GIVEN_MALE = { "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏",
			"华", "飞", "鑫", "波", "宇", "浩", "建国", "志强", "文博", "子轩", "浩然", "俊杰", "建华", "国庆", "海涛", "晓东", "振华",
			"德明", "天宇", "宏伟", "家豪", "立新" };

	private static final String[] GIVEN_FEMALE = { "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀英", "玲", "桂英", "丹", "萍",
			"红", "婷", "雪", "琳", "倩", "晶", "慧", "欣怡", "梓涵", "雨桐", "淑珍", "丽华", "美玲", "晓燕", "春梅", "玉兰", "佳琪",
			"思雨", "海燕", "秀兰", "文静" };

	/** Administrative division codes (first six digits of an ID number). */
	private static final String[] REGIONS = { "110101", "110105", "110108", "120101", "130102", "130602", "140105",
			"210102", "220102", "230103", "310101", "310115", "320102", "320505", "330106", "330203", "340104", "350203",
			"360102", "370102", "370202", "410105", "420106", "430104", "440106", "440305", "450103", "500103", "510107",
			"520102", "530102", "610113", "620102", "640104", "650102", "130104", "150102", "210203", "320211",
			"330302" };

	private static final String[] MOBILE_PREFIXES = { "130", "131", "132", "133", "135", "136", "137", "138", "139", "150",
			"151", "152", "153", "155", "156", "157", "158", "159", "166", "170", "171", "173", "175", "176", "177", "178",
			"180", "181", "182", "183", "185", "186", "187", "188", "189", "191", "195", "198", "199" };

	private static final String[] UNIT_TYPES = { "两室一厅一卫", "三室两厅一卫", "三室两厅两卫", "四室两厅两卫" };

	private static final BigDecimal[] AREAS = { new BigDecimal("78.35"), new BigDecimal("96.80"), new BigDecimal("118.62"),
			new BigDecimal("142.15") };

	private static final String[] TAGS = { "VIP", "老业主", "投资", "关注维修", "业委会", "多套房" };

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECK = "10X98765432";

	/** Entrances (单元) per building, floors per building and flats per floor. */
	private static final int ENTRANCES = 4;

	private static final int FLOORS = 32;

	private static final int FLATS = 4;

	private static final int UNITS_PER_BUILDING = ENTRANCES * FLOORS * FLATS;

	/** Birth dates from 1950-01-01 over DAYS days; ID numbers are unique in (region, birth date, sequence). */
	private static final LocalDate BIRTH_BASE = LocalDate.of(1950, 1, 1);

	private static final int DAYS = 20_000;

	private static final long ID_SPACE = 1000L * DAYS * REGIONS.length;

	/** Odd and not a multiple of 5, hence coprime with ID_SPACE: multiplying by it permutes [0, ID_SPACE). */
	private static final long SCRAMBLE = 2_654_435_761L;

	private OwnerWorkbookGenerator() {
	}

	record Owner(String name, String gender, String mobile, String otherPhone, String idType, String idNumber,
			String tags) {
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 4) {
			System.err.println("usage: OwnerWorkbookGenerator <output.xlsx> <owners> <project name> <seed>");
			System.exit(2);
		}
		Path out = Path.of(args[0]);
		int owners = Integer.parseInt(args[1]);
		String project = args[2];
		long seed = Long.parseLong(args[3]);
		if (owners < 1 || owners >= 10_000_000 || seed < 0 || (seed + 1) * 10_000_000L > ID_SPACE) {
			System.err.println("owners must be 1…9,999,999 and seed 0…" + (ID_SPACE / 10_000_000L - 1));
			System.exit(2);
		}
		long t0 = System.nanoTime();
		int rows = generate(out, owners, project, seed);
		System.out.printf("wrote %s: %d owners, %d rows, %d bytes in %.1f s%n", out, owners, rows, Files.size(out),
				(System.nanoTime() - t0) / 1e9);
	}

	/** Writes the file and returns the number of data rows. */
	static int generate(Path out, int ownerCount, String project, long seed) throws IOException {
		SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 17);
		Owner[] owners = new Owner[ownerCount];
		for (int i = 0; i < ownerCount; i++) {
			owners[i] = owner(random, seed * 10_000_000L + i);
		}
		// Every owner gets one unit, about one in ten a second one; units are then filled in shuffled order.
		int extra = ownerCount / 10;
		int[] unitOwner = new int[ownerCount + extra];
		for (int i = 0; i < ownerCount; i++) {
			unitOwner[i] = i;
		}
		for (int i = 0; i < extra; i++) {
			unitOwner[ownerCount + i] = random.nextInt(ownerCount);
		}
		for (int i = unitOwner.length - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int t = unitOwner[i];
			unitOwner[i] = unitOwner[j];
			unitOwner[j] = t;
		}
		Path parent = out.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
			Workbook wb = new Workbook(os, "EstateDesk bench", "1.0");
			Worksheet ws = wb.newWorksheet("业主档案");
			for (int c = 0; c < COLUMNS.size(); c++) {
				ws.value(0, c, COLUMNS.get(c));
			}
			for (int u = 0; u < unitOwner.length; u++) {
				int r = u + 1;
				int building = u / UNITS_PER_BUILDING + 1;
				int inBuilding = u % UNITS_PER_BUILDING;
				int entrance = inBuilding / (FLOORS * FLATS) + 1;
				int floor = inBuilding / FLATS % FLOORS + 1;
				int flat = inBuilding % FLATS + 1;
				LocalDate handover = LocalDate.of(2018, 6, 30).plusMonths(building * 2L);
				LocalDate contract = handover.minusDays(200 + random.nextInt(500));
				Owner o = owners[unitOwner[u]];
				ws.value(r, 0, project);
				ws.value(r, 1, building + "号楼");
				ws.value(r, 2, "%d-%02d%02d".formatted(entrance, floor, flat));
				ws.value(r, 3, floor);
				ws.value(r, 4, AREAS[flat - 1]);
				ws.value(r, 5, UNIT_TYPES[flat - 1]);
				ws.value(r, 6, status(random));
				ws.value(r, 7, handover.toString());
				ws.value(r, 8, o.name());
				ws.value(r, 9, o.gender());
				ws.value(r, 10, o.mobile());
				if (o.otherPhone() != null) {
					ws.value(r, 11, o.otherPhone());
				}
				ws.value(r, 12, o.idType());
				ws.value(r, 13, o.idNumber());
				ws.value(r, 14, contract.toString());
				if (!o.tags().isEmpty()) {
					ws.value(r, 15, o.tags());
				}
				if (random.nextInt(50) == 0) {
					ws.value(r, 16, "已办理产权证");
				}
				if (r % 1000 == 0) {
					ws.flush();
				}
			}
			wb.finish();
		}
		return unitOwner.length;
	}

	private static String status(SplittableRandom random) {
		int p = random.nextInt(100);
		return p < 40 ? "已入住" : p < 65 ? "已交房" : p < 80 ? "已售" : p < 90 ? "出租" : "空置";
	}

	private static Owner owner(SplittableRandom random, long unique) {
		String id = idNumber(unique);
		boolean male = (id.charAt(16) - '0') % 2 == 1;
		String name = surname(random) + (male ? GIVEN_MALE[random.nextInt(GIVEN_MALE.length)]
				: GIVEN_FEMALE[random.nextInt(GIVEN_FEMALE.length)]);
		String mobile = MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)]
				+ "%08d".formatted(random.nextInt(100_000_000));
		String other = random.nextInt(8) == 0 ? "010-6%07d".formatted(random.nextInt(10_000_000)) : null;
		String tags = random.nextInt(6) == 0 ? TAGS[random.nextInt(TAGS.length)] : "";
		return new Owner(name, male ? "男" : "女", mobile, other, "居民身份证", id, tags);
	}

	private static String surname(SplittableRandom random) {
		int x = random.nextInt(SURNAME_TOTAL);
		for (int i = 0; i < SURNAMES.length; i++) {
			x -= SURNAME_PER_MILLE[i];
			if (x < 0) {
				return SURNAMES[i];
			}
		}
		return SURNAMES[0];
	}

	/** An ID number that is a bijection of {@code unique} (below ID_SPACE), with a valid check digit. */
	static String idNumber(long unique) {
		long v = Math.floorMod(unique * SCRAMBLE + 12_345, ID_SPACE);
		int sequence = (int) (v % 1000);
		v /= 1000;
		LocalDate birth = BIRTH_BASE.plusDays(v % DAYS);
		String region = REGIONS[(int) (v / DAYS)];
		String body = region + "%04d%02d%02d".formatted(birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
				+ "%03d".formatted(sequence);
		return withCheckDigit(body);
	}

	/** GB 11643: the 18th character from the weighted sum of the first 17 digits. */
	static String withCheckDigit(String body17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (body17.charAt(i) - '0') * WEIGHTS[i];
		}
		return body17 + CHECK.charAt(sum % 11);
	}

}
