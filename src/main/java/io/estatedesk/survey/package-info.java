/**
 * 回访与满意度调查 (C7): return-call tasks for every replied complaint and for repairs, with attempts and results that
 * reopen unsatisfied cases; survey templates, campaigns whose audience is chosen in the database, answers by phone or
 * through an owner's one-time link, and their results.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Survey")
package io.estatedesk.survey;
