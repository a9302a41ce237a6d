package org.attributiongraph.security;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A presented API key (before the look-up), or the {@link Caller} it stands for (after). */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final transient String key;
    private final Caller caller;

    private ApiKeyAuthentication(String key, Caller caller) {
        super(caller == null ? List.of() : List.of(new SimpleGrantedAuthority(caller.role().authority())));
        this.key = key;
        this.caller = caller;
        setAuthenticated(caller != null);
    }

    static ApiKeyAuthentication unauthenticated(String key) {
        return new ApiKeyAuthentication(key, null);
    }

    static ApiKeyAuthentication authenticated(Caller caller) {
        return new ApiKeyAuthentication(null, caller);
    }

    Caller caller() {
        return caller;
    }

    @Override
    public Object getCredentials() {
        return key;
    }

    @Override
    public Object getPrincipal() {
        return caller == null ? "api-key" : caller;
    }

    @Override
    public String getName() {
        return caller == null ? "api-key" : caller.name();
    }
}
