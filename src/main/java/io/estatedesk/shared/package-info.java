/**
 * Value types, masking, database start-up, web infrastructure and error handling every module uses.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.estatedesk.shared;
