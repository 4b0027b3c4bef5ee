package io.estatedesk.staff;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new role: its code may be left blank to have one generated; its name is what the matrix and the staff form show. */
record RoleForm(
		@Size(max = 40, message = "{role.code.size}") @Pattern(regexp = "([A-Za-z][A-Za-z0-9_]*)?", message = "{role.code.pattern}") String code,
		@NotBlank(message = "{role.name.required}") @Size(max = 60, message = "{role.name.size}") @Pattern(regexp = "(?s).*\\p{IsHan}.*", message = "{role.name.chinese}") String name,
		@Size(max = 300, message = "{role.description.size}") String description) {
}
