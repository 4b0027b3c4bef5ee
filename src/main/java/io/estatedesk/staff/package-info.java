/**
 * Staff accounts, roles, the role × permission matrix, positions, login and audit records, API tokens.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Staff")
package io.estatedesk.staff;
