/**
 * 交房 (C4): handover batches, appointment slots, the per-unit inspection on a checklist whose defects become repair
 * work orders, documents and keys handed over with the owner's confirmation, the printed confirmation, and the
 * property company's takeover (承接查验).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Handover")
package io.estatedesk.handover;
