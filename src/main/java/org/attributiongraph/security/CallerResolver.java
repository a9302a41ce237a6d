package org.attributiongraph.security;

import org.attributiongraph.graph.GraphModel.Tlp;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Gives controller methods a {@link Caller} argument: the key's caller, or anonymous at the configured clearance. */
final class CallerResolver implements HandlerMethodArgumentResolver {

    private final ApiKeys keys;

    CallerResolver(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                  WebDataBinderFactory binders) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof ApiKeyAuthentication key && key.caller() != null) {
            return key.caller();
        }
        // With anonymous access off, the security rules answer 401 before a controller runs; CLEAR is the floor regardless.
        return Caller.anonymous(keys.anonymousClearance().orElse(Tlp.CLEAR));
    }
}
