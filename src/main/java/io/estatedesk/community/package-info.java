/**
 * 客户关怀与社区活动 (C8): 社区文化活动 with sign-ups, waiting list, attendance, photos and feedback; 品牌推广计划; and
 * 客户关怀计划 reminders for birthdays, handover anniversaries and festivals.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Community")
package io.estatedesk.community;
