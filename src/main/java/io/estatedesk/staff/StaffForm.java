package io.estatedesk.staff;

import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.estatedesk.shared.Phone;

record StaffForm(
		@NotBlank(message = "{staff.username.required}") @Size(max = 60, message = "{input.tooLong}") @Pattern(regexp = "[A-Za-z0-9_.-]*", message = "{staff.username.pattern}") String username,
		@NotBlank(message = "{staff.displayName.required}") @Size(max = 60, message = "{input.tooLong}") String displayName, Long positionId,
		Set<Long> roleIds, @Size(max = 30, message = "{input.tooLong}") @Phone String phone, @Email(message = "{staff.email.invalid}") @Size(max = 120, message = "{input.tooLong}") String email,
		@Size(max = 120, message = "{input.tooLong}") String organization) {
}
