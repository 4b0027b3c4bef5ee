/**
 * 项目前期、交房前、交房后 (C5): each project's board of the charter's duties with their records (early-involvement
 * opinions, 工程例会 notes, service standard, fee estimate and filing, contracts, tender, owners' assembly and committee,
 * laws), and the supervision of the property company with scored inspections and rectification notices.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Lifecycle")
package io.estatedesk.lifecycle;
