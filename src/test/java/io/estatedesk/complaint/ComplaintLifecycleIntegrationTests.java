package io.estatedesk.complaint;

import io.estatedesk.shared.BusinessClock;
import io.estatedesk.shared.WorkbenchItems;
import java.time.LocalDateTime;
import java.util.List;

import io.estatedesk.shared.BusinessRuleException;
import io.estatedesk.shared.InvalidInputException;
import io.estatedesk.support.Fixtures;
import io.estatedesk.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The 投诉受理制度 as rules: ownership, lifecycle, history, versions. */
@IntegrationTest
class ComplaintLifecycleIntegrationTests {

	@Autowired
	ComplaintManagement complaints;

	@Autowired
	ComplaintQueries queries;

	@Autowired
	ComplaintHistory history;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	String office;

	String otherOffice;

	String manager;

	String leader;

	long project;

	long unit;

	long owner;

	long category;

	@BeforeEach
	void setUp() {
		office = fixtures.staffWithRole("OFFICE");
		otherOffice = fixtures.staffWithRole("OFFICE");
		manager = fixtures.staffWithRole("MANAGER");
		leader = fixtures.staffWithRole("LEADER");
		project = fixtures.project(Fixtures.unique("投诉项目"));
		long b = fixtures.building(project, "1号楼");
		unit = fixtures.unit(project, b, "1-0801", "OCCUPIED");
		owner = fixtures.owner("刘" + Fixtures.unique(""), "13811112222", null);
		fixtures.holds(owner, unit);
		category = jdbc.queryForObject("select id from complaint_category where name = '房屋质量'", Long.class);
	}

	IntakeForm intake(Severity severity, String content) {
		LocalDateTime now = BusinessClock.localNowToMinute();
		return new IntakeForm(project, now.toLocalDate(), "刘先生", now, unit, owner, "13811112222", null, Channel.PHONE,
				category, severity, false, content, "尽快修好");
	}

	long version(long id) {
		return jdbc.queryForObject("select version from complaint where id = ?", Long.class, id);
	}

	ComplaintState state(long id) {
		return queries.detail(id).orElseThrow().state();
	}

	@Autowired
	ComplaintWorkbench workbench;

	@Test
	void repairsDoneOnAComplaintWithoutAnalysisAskItsOwnerToCompleteItAndTheWorkbenchOpensExactlyThoseComplaints() {
		long id = fixtures.as(office, () -> complaints.receive(intake(Severity.GENERAL, "厨房墙面渗水")));
		complaints.repairOrdered(id, "WX-2026-009001", office);
		complaints.repairsDone(id, "维修已完成并经业主验收：WX-2026-009001 厨房防水（防水）。", office);

		assertThat(state(id)).as("no reply with a blank 处理单").isEqualTo(ComplaintState.IN_PROGRESS);
		long me = fixtures.staffId(office);
		// the notification module takes the message in after the commit, on its own thread
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				jdbc.queryForObject("select count(*) from notification where recipient_id = ? and title like ?",
						Long.class, me, "%请补全处理单%")).isEqualTo(1));
		WorkbenchItems.Item item = fixtures.as(office, () -> workbench.items()
			.stream()
			.filter(i -> i.labelKey().equals("workbench.complaints.repairsDone"))
			.findFirst()
			.orElseThrow());
		assertThat(item.count()).isEqualTo(1);
		assertThat(item.href()).isEqualTo("/complaints?repairsDone=true&handlerId=" + me);
		ComplaintFilter linked = new ComplaintFilter(null, null, null, null, null, null, me, null, null, null, null, null,
				null, null, null, null, null, null, null, null, true);
		assertThat(queries.list(linked, 0, 50).items()).extracting(ComplaintViews.Row::id).containsExactly(id);

		// the page's analysis form carries the 整改措施 the repairs wrote; the owner adds the two texts and submits
		String drawn = jdbc.queryForObject("select corrective_action from complaint where id = ?", String.class, id);
		fixtures.as(office, () -> complaints.submit(id, AnalysisForm.of("CONSTRUCTION", "防水层破损", drawn, "施工单位返修"),
				version(id)));
		assertThat(state(id)).isEqualTo(ComplaintState.PENDING_REPLY);
		assertThat(jdbc.queryForObject("select corrective_action from complaint where id = ?", String.class, id))
			.as("the repairs stand as 整改措施").contains("WX-2026-009001");
		assertThat(queries.list(linked, 0, 50).items()).isEmpty();
	}

	@Test
	void aMajorComplaintGoesFromIntakeThroughInstructionReplyAndReturnCallToClosedWithEveryStepInTheHistory() {
		long id = fixtures.as(office, () -> complaints.receive(intake(Severity.MAJOR, "卧室外墙渗水，墙皮脱落")));
		ComplaintViews.Detail d = queries.detail(id).orElseThrow();
		assertThat(d.code()).matches("TS-\\d{4}-\\d{6}");
		assertThat(d.receiver()).isEqualTo(d.handler());
		assertThat(d.state()).isEqualTo(ComplaintState.RECEIVED);

		fixtures.as(office, () -> complaints.addFollowup(id, new FollowupForm(null, "电话", "已致电业主，约定明早上门查看")));
		assertThat(state(id)).isEqualTo(ComplaintState.IN_PROGRESS);
		fixtures.as(office, () -> complaints.saveAnalysis(id, AnalysisForm.of("CONSTRUCTION", "外墙保温层开裂", "施工单位修补外墙", "同意修补"), version(id)));
		fixtures.as(office, () -> complaints.submit(id, version(id)));
		assertThat(state(id)).isEqualTo(ComplaintState.PENDING_INSTRUCTION);

		assertThatThrownBy(() -> fixtures.as(office, () -> complaints.instruct(id, "自己批", true, version(id))))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		fixtures.as(leader, () -> complaints.instruct(id, "尽快处理，结果报我", true, version(id)));
		assertThat(state(id)).isEqualTo(ComplaintState.PENDING_REPLY);

		fixtures.as(office, () -> complaints.reply(id, "已修补完毕", "电话", version(id)));
		assertThat(state(id)).isEqualTo(ComplaintState.REPLIED);
		assertThatThrownBy(() -> fixtures.as(office, () -> complaints.close(id, "经验", version(id))))
			.isInstanceOf(BusinessRuleException.class).hasMessage("complaint.close.needsReturnVisit");
		fixtures.as(office, () -> complaints.returnVisit(id, true, "业主满意", version(id)));
		assertThatThrownBy(() -> fixtures.as(office, () -> complaints.close(id, " ", version(id))))
			.isInstanceOf(InvalidInputException.class);
		fixtures.as(office, () -> complaints.close(id, "外墙保温交房前应逐户检查", version(id)));

		d = queries.detail(id).orElseThrow();
		assertThat(d.state()).isEqualTo(ComplaintState.CLOSED);
		assertThat(d.leaderInstruction()).isEqualTo("尽快处理，结果报我");
		List<String> states = history.of(id).stream().filter(h -> h.kind().equals("STATE")).map(h -> h.newValue()).toList();
		assertThat(states).containsExactly("IN_PROGRESS", "PENDING_INSTRUCTION", "PENDING_REPLY", "REPLIED", "RETURN_VISITED", "CLOSED");
		assertThat(history.of(id)).extracting(io.estatedesk.shared.CaseHistory.Entry::kind).contains("CREATED", "FOLLOWUP", "FIELD");
		assertThat(history.of(id)).filteredOn(h -> "leaderInstruction".equals(h.field())).singleElement()
			.satisfies(h -> assertThat(h.actor()).isEqualTo(leader));
		// the managers were told of the major complaint at once
		long managerId = fixtures.staffId(manager);
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
				"select count(*) from notification where recipient_id = ? and title like '重大投诉已受理%'", Long.class, managerId) > 0);
	}

	@Test
	void anUnsatisfiedReturnCallReopensTheComplaintForItsOwnerWithNewTimeLimits() {
		long id = fixtures.as(office, () -> complaints.receive(intake(Severity.GENERAL, "楼道灯不亮")));
		fixtures.as(office, () -> {
			complaints.saveAnalysis(id, AnalysisForm.of(null, "灯具损坏", "更换灯具", "更换"), version(id));
			complaints.submit(id, version(id));
			complaints.reply(id, "已更换", "电话", version(id));
			complaints.returnVisit(id, false, "还是不亮", version(id));
		});
		ComplaintViews.Detail d = queries.detail(id).orElseThrow();
		assertThat(d.state()).isEqualTo(ComplaintState.IN_PROGRESS);
		assertThat(d.reopenCount()).isEqualTo(1);
		assertThat(d.repliedAt()).isNull();
		assertThat(d.handler()).isEqualTo(queries.detail(id).orElseThrow().receiver());
		assertThat(history.of(id)).extracting(io.estatedesk.shared.CaseHistory.Entry::kind).contains("REOPENED");
	}

	@Test
	void onlyTheOwnerOfTheCaseOrAManagerActsOnItAndOnlyAManagerTransfersIt() {
		long id = fixtures.as(office, () -> complaints.receive(intake(Severity.GENERAL, "车位划线不清")));
		long v = version(id);
		assertThatThrownBy(() -> fixtures.as(otherOffice, () -> complaints.saveAnalysis(id, AnalysisForm.of(null, "x", "y", "z"), v)))
			.isInstanceOf(BusinessRuleException.class).hasMessage("complaint.notYours");
		assertThatThrownBy(() -> fixtures.as(office, () -> complaints.transfer(id, fixtures.staffId(otherOffice), "忙不过来", v)))
			.isInstanceOf(BusinessRuleException.class).hasMessage("complaint.transfer.managerOnly");
		assertThat(version(id)).isEqualTo(v);
		fixtures.as(manager, () -> complaints.transfer(id, fixtures.staffId(otherOffice), "原负责人休假", v));
		assertThat(history.of(id)).filteredOn(h -> h.kind().equals("TRANSFERRED")).singleElement()
			.satisfies(h -> assertThat(h.note()).isEqualTo("原负责人休假"));
		fixtures.as(otherOffice, () -> complaints.saveAnalysis(id, AnalysisForm.of(null, "划线磨损", "重新划线", "同意"), version(id)));
	}

	@Test
	void anUnknownUnitOrAUnitOfAnotherProjectIsRefusedAndNothingIsSaved() {
		long before = jdbc.queryForObject("select count(*) from complaint", Long.class);
		IntakeForm f = intake(Severity.GENERAL, "噪音");
		IntakeForm unknown = new IntakeForm(f.projectId(), f.complaintDate(), f.complainant(), f.complainedAt(), 99999999L,
				null, null, null, f.channel(), f.categoryId(), f.severity(), false, f.content(), "");
		assertThatThrownBy(() -> fixtures.as(office, () -> complaints.receive(unknown)))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsEntry("unitId", "complaint.unit.unknown"));
		long otherProject = fixtures.project(Fixtures.unique("别的项目"));
		IntakeForm mismatch = new IntakeForm(otherProject, f.complaintDate(), f.complainant(), f.complainedAt(), unit, null,
				null, null, f.channel(), f.categoryId(), f.severity(), false, f.content(), "");
		assertThatThrownBy(() -> fixtures.as(office, () -> complaints.receive(mismatch)))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsEntry("unitId", "complaint.unit.otherProject"));
		assertThat(jdbc.queryForObject("select count(*) from complaint", Long.class)).isEqualTo(before);
	}

	@Test
	void aSecondSaveOnAStaleVersionIsRefusedWithWhatChanged() {
		long id = fixtures.as(office, () -> complaints.receive(intake(Severity.GENERAL, "水压低")));
		long loaded = version(id);
		fixtures.as(manager, () -> complaints.saveAnalysis(id, AnalysisForm.of("MATERIAL", "二次供水泵故障", "", ""), loaded));
		assertThatThrownBy(() -> fixtures.as(office, () -> complaints.saveAnalysis(id, AnalysisForm.of(null, "我的分析", "", ""), loaded)))
			.isInstanceOfSatisfying(ComplaintConflict.class, e -> assertThat(e.changes())
				.anySatisfy(h -> {
					assertThat(h.field()).isEqualTo("causeAnalysis");
					assertThat(h.newValue()).isEqualTo("二次供水泵故障");
					assertThat(h.actor()).isEqualTo(manager);
				}));
		assertThat(queries.detail(id).orElseThrow().causeAnalysis()).isEqualTo("二次供水泵故障");
	}

	@Test
	void fullTextSearchFindsAWordWhereverItStandsInAnyText() {
		String marker = "测" + Fixtures.unique("").replaceAll("[^0-9]", "");
		long a = fixtures.as(office, () -> complaints.receive(intake(Severity.GENERAL, "卫生间渗漏水管有裂缝 " + marker)));
		long b = fixtures.as(office, () -> complaints.receive(intake(Severity.GENERAL, "外墙开裂 " + marker)));
		fixtures.as(office, () -> complaints.addFollowup(b, new FollowupForm(null, "上门", "发现屋顶也有漏水痕迹")));
		long c = fixtures.as(office, () -> complaints.receive(intake(Severity.GENERAL, "水漏了一地 " + marker)));
		List<Long> found = queries.list(filter("漏水 " + marker), 0, 50).items().stream().map(ComplaintViews.Row::id).toList();
		assertThat(found).containsExactlyInAnyOrder(a, b).doesNotContain(c);
		assertThat(queries.list(filter("渗漏水管 " + marker), 0, 50).items()).extracting(ComplaintViews.Row::id).containsExactly(a);
		assertThat(queries.list(filter("漏 " + marker), 0, 50).items()).hasSize(3);
		// search results page newest first
		var firstPage = queries.list(filter("漏水 " + marker), 0, 1);
		assertThat(firstPage.items()).extracting(ComplaintViews.Row::id).containsExactly(Math.max(a, b));
		assertThat(firstPage.hasNext()).isTrue();
		assertThat(queries.list(filter("漏水 " + marker), 1, 1).items()).extracting(ComplaintViews.Row::id).containsExactly(Math.min(a, b));
	}

	@Test
	void complaintsAboutTheSameMatterAreMergedIntoOneGroupAndTheManagersAreTold() {
		long first = fixtures.as(office, () -> complaints.receive(intake(Severity.GENERAL, "小区东门道闸坏了")));
		long second = fixtures.as(office, () -> complaints.receive(intake(Severity.GENERAL, "东门道闸一直抬不起来")));
		String secondCode = queries.detail(second).orElseThrow().code();
		fixtures.as(office, () -> complaints.mergeIntoGroup(first, secondCode, version(first)));
		assertThat(queries.group(first)).extracting(ComplaintViews.GroupMember::id).containsExactly(first, second);
		assertThat(queries.group(second)).extracting(ComplaintViews.GroupMember::id).containsExactly(first, second);
		assertThat(queries.detail(first).orElseThrow().groupCase()).isTrue();
		assertThat(history.of(second)).extracting(io.estatedesk.shared.CaseHistory.Entry::kind).contains("GROUPED");
		long third = fixtures.as(office, () -> complaints.receive(intake(Severity.GENERAL, "道闸")));
		assertThatThrownBy(() -> fixtures.as(office, () -> complaints.mergeIntoGroup(third, secondCode, version(third))))
			.isInstanceOf(BusinessRuleException.class).hasMessage("complaint.group.already");
		long managerId = fixtures.staffId(manager);
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
				"select count(*) from notification where recipient_id = ? and title like '群诉%'", Long.class, managerId) > 0);
	}

	static ComplaintFilter filter(String q) {
		return ComplaintFilter.search(q);
	}

}
