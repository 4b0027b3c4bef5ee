package io.estatedesk.staff;


import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class StaffUserDetailsService implements UserDetailsService {

	private final StaffAccountRepository accounts;

	StaffUserDetailsService(StaffAccountRepository accounts) {
		this.accounts = accounts;
	}

	/** Never locked as a whole: {@link SignInThrottle} locks an account only for the address that failed. */
	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		StaffAccount a = accounts.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException(username));
		return User.withUsername(a.username)
			.password(a.passwordHash)
			.disabled(!a.enabled)
			.authorities(a.roles.stream().flatMap(r -> r.permissions.stream()).distinct().map(SimpleGrantedAuthority::new).toList())
			.build();
	}

}
