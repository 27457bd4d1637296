package no.formidler.auth;

import org.slf4j.MDC;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets a controller take the {@link Caller} as a parameter; only reached behind an authenticated route. */
class CallerArgumentResolver implements HandlerMethodArgumentResolver {
    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Caller.class);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            Caller caller = TokenClaims.caller(token.getToken());
            // For log lines of this request (cleared by web.TraceIdFilter); an org number, never the token.
            caller.organization().ifPresent(org -> MDC.put("callerOrg", org.number()));
            return caller;
        }
        throw new IllegalStateException("A Caller parameter needs an authenticated route");
    }
}
