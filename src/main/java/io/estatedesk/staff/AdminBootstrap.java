package io.estatedesk.staff;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On an empty database creates the administrator {@code admin} (password from ESTATEDESK_ADMIN_PASSWORD, or
 * generated and printed once); in demo mode also one account per role, with passwords printed at start-up.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	/** username → display name, position, role: one demo account for every role of the department. */
	static final String[][] DEMO_STAFF = {
			{ "manager", "王经理", "MANAGER", "MANAGER" },
			{ "leader", "赵总", null, "LEADER" },
			{ "field", "李外勤", "FIELD", "FIELD" },
			{ "office", "陈内勤", "OFFICE", "OFFICE" },
			{ "engineer", "孙工（工程部）", null, "ENGINEERING" },
			{ "contractor", "周工（施工单位）", null, "CONTRACTOR" },
			{ "property", "吴主管（物业公司）", null, "PROPERTY" } };

	private final StaffAccountRepository accounts;

	private final StaffManagement staff;

	private final String adminPassword;

	private final boolean demo;

	AdminBootstrap(StaffAccountRepository accounts, StaffManagement staff,
			@Value("${estatedesk.admin-password:}") String adminPassword, @Value("${estatedesk.demo:false}") boolean demo) {
		this.accounts = accounts;
		this.staff = staff;
		this.adminPassword = adminPassword;
		this.demo = demo;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (accounts.count() == 0) {
			boolean generated = adminPassword == null || adminPassword.isBlank();
			String pw = generated ? StaffManagement.randomPassword() : adminPassword;
			staff.createAccountUnchecked("admin", "系统管理员", pw, "ADMIN");
			if (generated) {
				print("Administrator account created. username: admin  password: " + pw
						+ "  (shown once; set ESTATEDESK_ADMIN_PASSWORD to choose it)");
			}
			else {
				log.info("Administrator account 'admin' created with the password from ESTATEDESK_ADMIN_PASSWORD");
			}
		}
		if (demo) {
			Map<String, String> printed = new LinkedHashMap<>();
			for (String[] s : DEMO_STAFF) {
				String pw = StaffManagement.randomPassword();
				if (accounts.findByUsername(s[0]).isEmpty()) {
					staff.createAccount(s[0], s[1], pw, s[2], s[3]);
				}
				else {
					staff.setPassword(s[0], pw);
				}
				printed.put(s[0] + " (" + s[1] + ")", pw);
			}
			StringBuilder sb = new StringBuilder("Demo mode: staff accounts of every role (passwords are new at each start):");
			printed.forEach((k, v) -> sb.append("\n    ").append(k).append("  password: ").append(v));
			print(sb.toString());
		}
	}

	private static void print(String text) {
		String line = "=".repeat(72);
		System.out.println("\n" + line + "\n" + text + "\n" + line + "\n");
	}

}
