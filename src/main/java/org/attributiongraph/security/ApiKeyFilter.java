package org.attributiongraph.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code X-API-Key} or {@code Authorization: Bearer <key>}. No credential: the request goes on
 * anonymous. A credential that matches no key: 401 at once, never a silent downgrade to anonymous.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";
    private static final String BEARER = "bearer ";

    private final AuthenticationProvider keys;
    private final AuthenticationEntryPoint entryPoint;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ApiKeyFilter(AuthenticationProvider keys, AuthenticationEntryPoint entryPoint) {
        this.keys = keys;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (key == null && authorization == null) {
            chain.doFilter(request, response);
            return;
        }
        try {
            if (key == null) {
                if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                    throw new BadCredentialsException("Only Bearer API keys are accepted");
                }
                key = authorization.substring(BEARER.length());
            }
            var authenticated = keys.authenticate(ApiKeyAuthentication.unauthenticated(key.strip()));
            var context = contexts.createEmptyContext();
            context.setAuthentication(authenticated);
            contexts.setContext(context);
        } catch (AuthenticationException e) {
            contexts.clearContext();
            entryPoint.commence(request, response, e);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }
}
