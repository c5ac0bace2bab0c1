package io.cityfin.common.identity;

import java.util.Collection;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A verified {@link Caller} as Spring Security's authentication; authorities are {@code ROLE_<role>}. */
public class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;
    private final Object credentials;

    public CallerAuthentication(Caller caller, Object credentials) {
        super(authorities(caller));
        this.caller = caller;
        this.credentials = credentials;
        setAuthenticated(true);
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    /** The key id: what logs and audit name, never a credential. */
    @Override
    public String getName() {
        return caller.subject();
    }

    @Override
    public Object getCredentials() {
        return credentials;
    }

    private static Collection<? extends GrantedAuthority> authorities(Caller caller) {
        return caller.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
    }
}
