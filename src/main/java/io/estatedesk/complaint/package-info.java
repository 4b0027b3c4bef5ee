/**
 * 投诉受理 (C2): the 投诉处理单, its lifecycle under 首问负责 and 谁受理，谁跟进，谁回复, time limits on the work
 * calendar, search, printing and statistics.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Complaint")
package io.estatedesk.complaint;
