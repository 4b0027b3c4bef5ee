/**
 * The owner archive (C1): projects, buildings, units, owners, household members, import and export.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Estate")
package io.estatedesk.estate;
