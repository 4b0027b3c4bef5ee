package io.estatedesk.staff;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import io.estatedesk.shared.ApiController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** The caller's own account through the API: who am I, what may I do, and my bearer tokens. */
@ApiController("/api/v1/me")
@Tag(name = "我的账号", description = "当前用户、权限与 API 令牌")
class AccountApi {

	private final StaffAccountRepository accounts;

	private final ApiTokens tokens;

	private final Permissions permissions;

	AccountApi(StaffAccountRepository accounts, ApiTokens tokens, Permissions permissions) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.permissions = permissions;
	}

	record Me(String username, String displayName, List<String> roles, Set<String> permissions) {
	}

	record TokenRequest(@NotBlank(message = "{account.token.name.required}") @Size(max = 60, message = "{account.token.name.required}") String name,
			@Min(value = 1, message = "{account.token.days.invalid}") @Max(value = 3650, message = "{account.token.days.invalid}") Integer days) {
	}

	record CreatedToken(String token, String name) {
	}

	@GetMapping
	@Operation(summary = "当前用户及其权限")
	Me me(Principal principal) {
		StaffAccount a = accounts.findByUsername(principal.getName()).orElseThrow();
		return new Me(a.username, a.displayName, a.roles.stream().map(r -> r.name).sorted().toList(),
				permissions.currentPermissionsOf(a.username).orElse(Set.of()));
	}

	@PostMapping("/tokens")
	@Operation(summary = "创建 API 令牌（只在此响应中出现一次）")
	ResponseEntity<CreatedToken> createToken(Principal principal, @Valid @RequestBody TokenRequest request) {
		StaffAccount a = accounts.findByUsername(principal.getName()).orElseThrow();
		String token = tokens.create(a.id, request.name().strip(), request.days());
		return ResponseEntity.created(URI.create("/api/v1/me/tokens")).body(new CreatedToken(token, request.name().strip()));
	}

	@GetMapping("/tokens")
	List<ApiTokens.TokenRow> list(Principal principal) {
		return tokens.of(accounts.findByUsername(principal.getName()).orElseThrow().id);
	}

	@PostMapping("/tokens/{id}/revoke")
	ResponseEntity<Void> revoke(Principal principal, @PathVariable long id) {
		tokens.revoke(accounts.findByUsername(principal.getName()).orElseThrow().id, id);
		return ResponseEntity.noContent().build();
	}

}
