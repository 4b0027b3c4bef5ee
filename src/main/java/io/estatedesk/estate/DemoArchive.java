package io.estatedesk.estate;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode (ESTATEDESK_DEMO=true): the 金第家园 project with six buildings, a few hundred units and owners with
 * household members and some past owners, loaded once into an empty archive. Clearly demo data: the project's
 * notes say so.
 */
@Component
@Order(10)
class DemoArchive implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoArchive.class);

	static final String PROJECT = "金第家园";

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高",
			"林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧" };

	private static final String[] GIVEN = { "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
			"涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "志强", "海燕", "雪梅", "文博", "子涵", "浩然", "思远", "佳怡" };

	private static final String[] TYPES = { "两室一厅", "三室两厅", "三室一厅", "四室两厅" };

	private final JdbcTemplate jdbc;

	private final boolean demo;

	DemoArchive(JdbcTemplate jdbc, @Value("${estatedesk.demo:false}") boolean demo) {
		this.jdbc = jdbc;
		this.demo = demo;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!demo || !jdbc.queryForList("select id from project where name = ?", Long.class, PROJECT).isEmpty()) {
			return;
		}
		Random random = new Random(20261126L);
		long projectId = jdbc.queryForObject("""
				insert into project (name, address, developer_name, notes) values (?, ?, ?, ?) returning id""", Long.class,
				PROJECT, "北京市朝阳区金第路88号", "金第房地产开发公司", "演示数据（ESTATEDESK_DEMO=true 时载入）");
		int units = 0;
		int owners = 0;
		LocalDate firstHandover = LocalDate.of(2024, 6, 28);
		for (int b = 1; b <= 6; b++) {
			long buildingId = jdbc.queryForObject("insert into building (project_id, name, floors) values (?, ?, 18) returning id",
					Long.class, projectId, b + "号楼");
			boolean delivered = b <= 4;
			for (int floor = 1; floor <= 18; floor++) {
				for (int door = 1; door <= 4; door++) {
					String room = (door <= 2 ? 1 : 2) + "-" + String.format("%02d%02d", floor, door);
					double roll = random.nextDouble();
					String status = !delivered ? (roll < 0.25 ? "UNSOLD" : "SOLD")
							: roll < 0.05 ? "UNSOLD" : roll < 0.25 ? "HANDED_OVER" : roll < 0.90 ? "OCCUPIED" : "RENTED";
					LocalDate handover = delivered && !"UNSOLD".equals(status) ? firstHandover.plusDays(random.nextInt(60)) : null;
					BigDecimal area = BigDecimal.valueOf(door % 2 == 0 ? 89.5 : 126.8);
					long unitId = jdbc.queryForObject("""
							insert into unit (project_id, building_id, room_no, floor, area, unit_type, status, handover_date)
							values (?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, projectId, buildingId, room, floor, area,
							TYPES[(door + floor) % TYPES.length], status, handover == null ? null : Date.valueOf(handover));
					units++;
					if ("UNSOLD".equals(status)) {
						continue;
					}
					LocalDate contract = LocalDate.of(2023, 3, 1).plusDays(random.nextInt(400));
					if (random.nextDouble() < 0.04) {
						// an earlier buyer who sold on: kept as history
						long past = owner(random, owners++);
						jdbc.update("""
								insert into ownership (owner_id, unit_id, contract_date, since, until, end_reason, active)
								values (?, ?, ?, ?, ?, '过户', false)""", past, unitId, Date.valueOf(contract.minusYears(1)),
								Date.valueOf(contract.minusYears(1)), Date.valueOf(contract));
					}
					long ownerId = owner(random, owners++);
					jdbc.update("insert into ownership (owner_id, unit_id, contract_date, since) values (?, ?, ?, ?)", ownerId,
							unitId, Date.valueOf(contract), Date.valueOf(contract));
					if (random.nextDouble() < 0.35) {
						jdbc.update("insert into household_member (owner_id, name, relation, gender, phone) values (?, ?, ?, ?, ?)",
								ownerId, name(random), random.nextBoolean() ? "配偶" : "子女", random.nextBoolean() ? "男" : "女",
								mobile(random));
					}
				}
			}
		}
		log.info("Demo archive loaded: project {}, {} units, {} owners", PROJECT, units, owners);
		// a project about to be handed over: all units sold, none handed over yet
		long xiyuan = jdbc.queryForObject("""
				insert into project (name, address, developer_name, notes) values (?, ?, ?, ?) returning id""", Long.class,
				PROJECT_BEFORE_HANDOVER, "北京市朝阳区金第路102号", "金第房地产开发公司", "演示数据：交房前");
		for (int b = 1; b <= 2; b++) {
			long buildingId = jdbc.queryForObject("insert into building (project_id, name, floors) values (?, ?, 12) returning id",
					Long.class, xiyuan, b + "号楼");
			for (int floor = 1; floor <= 12; floor++) {
				for (int door = 1; door <= 2; door++) {
					long unitId = jdbc.queryForObject("""
							insert into unit (project_id, building_id, room_no, floor, area, unit_type, status)
							values (?, ?, ?, ?, ?, ?, 'SOLD') returning id""", Long.class, xiyuan, buildingId,
							String.format("1-%02d%02d", floor, door), floor, BigDecimal.valueOf(door == 1 ? 142.3 : 98.6),
							TYPES[(door + floor) % TYPES.length]);
					long ownerId = owner(random, owners++);
					LocalDate contract = LocalDate.of(2025, 3, 1).plusDays(random.nextInt(200));
					jdbc.update("insert into ownership (owner_id, unit_id, contract_date, since) values (?, ?, ?, ?)", ownerId,
							unitId, Date.valueOf(contract), Date.valueOf(contract));
				}
			}
		}
		// a project still being planned and built: no units for sale yet
		jdbc.update("insert into project (name, address, developer_name, notes) values (?, ?, ?, ?)", PROJECT_EARLY,
				"北京市顺义区云境路6号", "金第房地产开发公司", "演示数据：项目前期（规划设计与施工中）");
		log.info("Demo archive loaded: projects {} (before handover) and {} (early phase)", PROJECT_BEFORE_HANDOVER,
				PROJECT_EARLY);
	}

	/** The demo projects that are before handover and in their early phase. */
	static final String PROJECT_BEFORE_HANDOVER = "金第·熙园";

	static final String PROJECT_EARLY = "金第·云境";

	private long owner(Random random, int n) {
		String tags = n % 17 == 0 ? "VIP" : n % 23 == 0 ? "敏感客户" : "";
		String body = String.format("110105%04d%02d%02d%03d", 1960 + random.nextInt(40), 1 + random.nextInt(12),
				1 + random.nextInt(28), random.nextInt(1000));
		return jdbc.queryForObject("""
				insert into owner (name, gender, mobile, id_type, id_number, tags) values (?, ?, ?, ?, ?, ?) returning id""",
				Long.class, name(random), random.nextBoolean() ? "男" : "女", mobile(random), OwnerRules.ID_CARD,
				OwnerRules.withCheckDigit(body), tags);
	}

	private static String name(Random random) {
		return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
	}

	private static String mobile(Random random) {
		String[] prefixes = { "138", "139", "135", "186", "158", "177", "188", "150" };
		return prefixes[random.nextInt(prefixes.length)] + String.format("%08d", random.nextInt(100_000_000));
	}

}
