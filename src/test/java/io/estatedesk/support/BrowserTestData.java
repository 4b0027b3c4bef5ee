package io.estatedesk.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Prepares archive data for browser tests through the REST API (HTTP Basic as {@code admin}), and makes up unique
 * names, valid phone numbers and valid ID card numbers: the application context and its database are shared by all
 * test classes, so every test uses names of its own.
 */
public final class BrowserTestData {

	/** What a page says under a telephone number it does not accept (as the user reads it). */
	public static final String PHONE_MESSAGE = "电话号码格式不正确：手机号 11 位；座机须带区号，如 0571-88886666，分机写作 0571-88886666-801。";


	private static final int[] ID_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String ID_CHECK = "10X98765432";

	private final RestClient api;

	public BrowserTestData(int port) {
		this.api = RestClient.builder()
			.baseUrl("http://localhost:" + port + "/api/v1")
			.defaultHeaders(h -> h.setBasicAuth("admin", IntegrationTest.ADMIN_PASSWORD))
			.build();
	}

	/** A project; returns its id. */
	public long createProject(String name) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", name);
		body.put("address", "杭州市西湖区文三路 1 号");
		body.put("developerName", "浏览器测试置业有限公司");
		body.put("notes", "");
		return id(api.post().uri("/projects").contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
			.toEntity(Map.class), "project " + name);
	}

	/** A building of a project; returns its id. */
	public long createBuilding(long projectId, String name, int floors) {
		return id(api.post().uri("/buildings?projectId={id}", projectId).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", name, "floors", floors)).retrieve().toEntity(Map.class), "building " + name);
	}

	/** A unit of a building; returns its id. */
	public long createUnit(long buildingId, String roomNo, String status, double area, String unitType) {
		return id(api.post().uri("/units").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("buildingId", buildingId, "roomNo", roomNo, "status", status, "area", area, "unitType", unitType))
			.retrieve().toEntity(Map.class), "unit " + roomNo);
	}

	private static long id(ResponseEntity<Map> response, String what) {
		if (response.getStatusCode() != HttpStatus.CREATED || response.getBody() == null
				|| !(response.getBody().get("id") instanceof Number id)) {
			throw new IllegalStateException("creating " + what + " by API: " + response.getStatusCode() + " "
					+ response.getBody());
		}
		return id.longValue();
	}

	// ---- made-up values

	/** Six random upper-case letters and digits, to keep names unique across tests sharing one database. */
	public static String suffix() {
		String chars = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < 6; i++) {
			sb.append(chars.charAt(ThreadLocalRandom.current().nextInt(chars.length())));
		}
		return sb.toString();
	}

	/** A random mainland mobile number such as 13912345678. */
	public static String mobile() {
		return "13" + (5 + ThreadLocalRandom.current().nextInt(5))
				+ String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}

	/** A random 18-character resident ID card number with a correct check character (GB 11643). */
	public static String idNumber() {
		ThreadLocalRandom r = ThreadLocalRandom.current();
		String body = "330106" + (1950 + r.nextInt(50)) + String.format("%02d%02d", 1 + r.nextInt(12), 1 + r.nextInt(28))
				+ String.format("%03d", r.nextInt(1000));
		return withCheckCharacter(body);
	}

	static String withCheckCharacter(String body17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (body17.charAt(i) - '0') * ID_WEIGHTS[i];
		}
		return body17 + ID_CHECK.charAt(sum % 11);
	}

	/** A phone number as the application shows it masked: the first three and the last four digits. */
	public static String masked(String phone) {
		return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
	}

}
