package no.formidler.webapp;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * OpenID Connect sign-in (authorization code with PKCE): sends the browser to the provider and takes it back with a
 * code, which is exchanged for an ID token naming the organisation; then a session is started as for the development
 * sign-in. Failures go back to the sign-in page with a fixed error code, never with text from the request.
 */
@RestController
@RequestMapping("/web/oidc")
class OidcSignInController {
    private static final Logger log = LoggerFactory.getLogger(OidcSignInController.class);
    private static final String COOKIE = "formidler-oidc";
    private final WebOidcProperties properties;
    private final OidcProvider provider;
    private final WebSessions sessions;

    OidcSignInController(WebOidcProperties properties, OidcProvider provider, WebSessions sessions) {
        this.properties = properties;
        this.provider = provider;
        this.sessions = sessions;
    }

    @GetMapping("/login")
    ResponseEntity<Void> login(@RequestParam(defaultValue = "party") String role, HttpServletRequest request) {
        if (!properties.enabled()) {
            return ResponseEntity.notFound().build();
        }
        OidcState state = OidcState.start(SignInRole.of(role).orElse(SignInRole.PARTY));
        URI authorization;
        try {
            authorization = provider.authorizationRequest(redirectUri(), state);
        } catch (IllegalStateException | IllegalArgumentException e) {
            log.warn("OIDC sign-in cannot start: {}", e.getMessage());
            return back("provider");
        }
        ResponseCookie cookie = ResponseCookie.from(COOKIE, state.cookieValue()).httpOnly(true).secure(request.isSecure())
                .sameSite("Lax").path("/web/oidc").maxAge(600).build();
        return ResponseEntity.status(302).header(HttpHeaders.SET_COOKIE, cookie.toString()).location(authorization).build();
    }

    @GetMapping("/callback")
    ResponseEntity<Void> callback(@RequestParam(required = false) String code, @RequestParam(required = false) String state,
                                  HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!properties.enabled()) {
            return ResponseEntity.notFound().build();
        }
        Optional<OidcState> pending = readCookie(request).flatMap(OidcState::fromCookie);
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, "").path("/web/oidc").maxAge(0).build().toString());
        if (code == null || state == null || pending.isEmpty() || !same(state, pending.get().state())) {
            return back("state");
        }
        try {
            var org = provider.exchange(code, redirectUri(), pending.get());
            if (org.isEmpty()) {
                return back("token");
            }
            // The browser asked for the role; only the configured organisations may have the service-owner one.
            if (pending.get().role() == SignInRole.SERVICE_OWNER && !properties.serviceOwnerOrgs().contains(org.get().number())) {
                return back("role");
            }
            WebSessions.Started started = sessions.replace(SessionCookie.read(request), org.get(), pending.get().role());
            SessionCookie.write(request, response, started.cookie(), WebSessions.LIFETIME);
            return ResponseEntity.status(302).location(URI.create("/")).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return back("provider");
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            log.warn("OIDC sign-in failed: {}", e.getMessage());
            return back("provider");
        }
    }

    private static ResponseEntity<Void> back(String error) {
        return ResponseEntity.status(302).location(URI.create("/signin?error=oidc-" + error)).build();
    }

    private static String redirectUri() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/web/oidc/callback").toUriString();
    }

    private static Optional<String> readCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty()
                : Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName())).map(Cookie::getValue).findFirst();
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
