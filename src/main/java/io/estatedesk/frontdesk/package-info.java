/**
 * 内勤 (C6): the call log (咨询, 投诉, 建议, 意见, 表扬, 报修 with the answer given; a complaint or repair call becomes a
 * complaint or work order in one step) and the 《来访登记簿》.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Front desk")
package io.estatedesk.frontdesk;
