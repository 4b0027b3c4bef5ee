/**
 * 房屋质量维修 (C3): the engineering department's teams and the contractors (施工单位), warranty rules, repair work
 * orders from receipt to owner acceptance and return call, contractor scorecards and the project's public
 * facilities.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Repair")
package io.estatedesk.repair;
