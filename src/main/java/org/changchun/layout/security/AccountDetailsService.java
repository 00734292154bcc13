package org.changchun.layout.security;

import java.util.HashSet;
import java.util.Set;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Accounts from configuration first, then from the store. An admin can also do what an editor
 * does, so ADMIN brings EDITOR with it.
 */
class AccountDetailsService implements UserDetailsService {

    private final SecurityProperties properties;
    private final AccessStore store;

    AccountDetailsService(SecurityProperties properties, AccessStore store) {
        this.properties = properties;
        this.store = store;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        for (SecurityProperties.User user : properties.users()) {
            if (user.name().equals(username)) {
                return details(user.name(), user.password(), new HashSet<>(user.roles()), true);
            }
        }
        Account account = store.account(username).orElseThrow(() -> new UsernameNotFoundException(username));
        return details(account.username(), account.passwordHash(), account.roles(), account.enabled());
    }

    static Set<String> withImplied(Set<String> roles) {
        Set<String> all = new HashSet<>(roles);
        if (all.contains(Roles.ADMIN)) {
            all.add(Roles.EDITOR);
        }
        return all;
    }

    private static UserDetails details(String name, String password, Set<String> roles, boolean enabled) {
        return User.withUsername(name).password(password).roles(withImplied(roles).toArray(String[]::new))
                .disabled(!enabled).build();
    }
}
