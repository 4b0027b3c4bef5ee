package io.estatedesk.survey;

import io.estatedesk.shared.BusinessClock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.estatedesk.staff.DemoSignIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Demo mode: a finished yearly survey of 金第家园 (answers by phone and through the owners' links, spread over the last
 * three months), an open one for the homes just handed over in 金第·熙园, and some return calls made.
 */
@Component
@Order(70)
class DemoSurvey implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoSurvey.class);

	private final Surveys surveys;

	private final ReturnCalls calls;

	private final JdbcTemplate jdbc;

	private final DemoSignIn signIn;

	private final boolean demo;

	DemoSurvey(Surveys surveys, ReturnCalls calls, JdbcTemplate jdbc, DemoSignIn signIn,
			@Value("${estatedesk.demo:false}") boolean demo) {
		this.surveys = surveys;
		this.calls = calls;
		this.jdbc = jdbc;
		this.signIn = signIn;
		this.demo = demo;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo || jdbc.queryForObject("select count(*) from survey_campaign", Long.class) > 0) {
			return;
		}
		Long jiayuan = project("金第家园");
		Long xiyuan = project("金第·熙园");
		if (jiayuan == null) {
			return;
		}
		Random random = new Random(2026);
		long yearly = jdbc.queryForObject("select id from survey_template where name = '年度满意度调查'", Long.class);
		long moveIn = jdbc.queryForObject("select id from survey_template where name = '入住满意度调查'", Long.class);
		int answered = 0;
		try {
			signIn.as("manager");
			long campaign = surveys.createCampaign(yearly, "2026年度业主满意度调查", Surveys.Audience.PROJECT_ALL, jiayuan);
			List<Surveys.Question> questions = surveys.questions(yearly);
			signIn.as("field");
			for (Surveys.Target t : surveys.targets(campaign, true, 0, 150)) {
				if (random.nextInt(10) < 3) {
					continue; // not everyone answers
				}
				Map<Long, Surveys.Answer> a = new HashMap<>();
				for (Surveys.Question q : questions) {
					switch (q.kind()) {
						case SCORE5 -> a.put(q.id(), new Surveys.Answer(Math.min(5, 2 + random.nextInt(4) + (random.nextInt(3) == 0 ? 1 : 0)), null, null));
						case SCORE10, RECOMMEND -> a.put(q.id(), new Surveys.Answer(Math.min(10, 5 + random.nextInt(6)), null, null));
						case SINGLE -> a.put(q.id(), new Surveys.Answer(null, List.of(q.options().get(random.nextInt(q.options().size()))), null));
						case MULTIPLE -> a.put(q.id(), new Surveys.Answer(null, List.of(q.options().get(random.nextInt(q.options().size()))), null));
						case TEXT -> {
							if (random.nextInt(4) == 0) {
								a.put(q.id(), new Surveys.Answer(null, null, random.nextBoolean() ? "希望加强地下车库的保洁。" : "维修师傅很负责，点赞。"));
							}
						}
					}
				}
				surveys.answer(t.id(), a, random.nextBoolean() ? "owner" : "field");
				answered++;
			}
			jdbc.update("""
					update survey_target set answered_at = %s - make_interval(days => (id %% 90)::int)
					where campaign_id = ? and answered_at is not null""".formatted(BusinessClock.sqlNow()), campaign);
			signIn.as("manager");
			surveys.closeCampaign(campaign);
			if (xiyuan != null) {
				surveys.createCampaign(moveIn, "金第·熙园入住满意度调查", Surveys.Audience.PROJECT_ALL, xiyuan);
			}
			// a few return calls made: satisfied ones, once the tasks of the demo cases are there (made after each
			// case's commit by the return calls' listener)
			awaitReturnCallTasks();
			signIn.as("office");
			for (ReturnCalls.Task t : calls.tasks(ReturnCalls.TaskFilter.of(false, null, ReturnCalls.Kind.WORK_ORDER, null, null), 0, 3).items()) {
				calls.record(t.id(), true, true, "业主对维修结果满意。", t.version());
			}
		}
		finally {
			signIn.signOut();
		}
		log.info("Demo surveys loaded: a finished campaign with {} answers, an open one, return calls", answered);
	}

	private void awaitReturnCallTasks() {
		long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
		while (System.nanoTime() < until && jdbc.queryForObject("""
				select count(*) from event_publication where completion_date is null and listener_id like ?""", Long.class,
				ReturnCalls.class.getName() + "%") > 0) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private Long project(String name) {
		return jdbc.queryForList("select id from project where name = ?", Long.class, name).stream().findFirst().orElse(null);
	}

}
