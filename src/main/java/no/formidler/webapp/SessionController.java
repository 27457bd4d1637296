package no.formidler.webapp;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import no.formidler.auth.DevTokenIssuer;
import no.formidler.auth.Organization;
import no.formidler.error.ValidationException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The web app's session: who is signed in (and the CSRF token the page must send back), the development sign-in
 * (only while the development issuer is on) and sign-out. OpenID Connect sign-in is {@link OidcSignInController}.
 */
@RestController
@RequestMapping(value = "/web/session", produces = MediaType.APPLICATION_JSON_VALUE)
class SessionController {
    private final WebSessions sessions;
    private final boolean devSignIn;
    private final boolean oidcSignIn;

    SessionController(WebSessions sessions, Optional<DevTokenIssuer> devIssuer, WebOidcProperties oidc) {
        this.sessions = sessions;
        this.devSignIn = devIssuer.isPresent();
        this.oidcSignIn = oidc.enabled();
    }

    record SessionView(boolean signedIn, String org, String role, String csrfToken, boolean devSignIn,
                       boolean oidcSignIn) {
    }

    record DevSignIn(String orgNo, String role) {
    }

    @GetMapping
    SessionView current(HttpServletRequest request) {
        return SessionCookie.read(request).flatMap(sessions::resolve).map(this::view)
                .orElse(new SessionView(false, null, null, null, devSignIn, oidcSignIn));
    }

    /** JSON only, so another site's form cannot sign a browser in behind its user's back. */
    @PostMapping(value = "/dev", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SessionView> devSignIn(@RequestBody DevSignIn body, HttpServletRequest request,
                                          HttpServletResponse response) {
        if (!devSignIn) {
            return ResponseEntity.notFound().build();
        }
        Organization org = Organization.fromAnyForm(body.orgNo() == null ? "" : body.orgNo().trim())
                .orElseThrow(() -> ValidationException.of("orgNo", "orgNo must be a 9-digit organisation number"));
        SignInRole role = SignInRole.of(body.role())
                .orElseThrow(() -> ValidationException.of("role", "role must be party or serviceowner"));
        WebSessions.Started started = sessions.replace(SessionCookie.read(request), org, role);
        SessionCookie.write(request, response, started.cookie(), WebSessions.LIFETIME);
        return ResponseEntity.ok(view(started.session()));
    }

    /** Reached only with the session's CSRF token (SessionAuthenticationFilter). */
    @PostMapping("/signout")
    ResponseEntity<Void> signOut(HttpServletRequest request, HttpServletResponse response) {
        SessionCookie.read(request).ifPresent(sessions::end);
        SessionCookie.clear(request, response);
        return ResponseEntity.noContent().build();
    }

    private SessionView view(WebSession s) {
        return new SessionView(true, s.org().number(), s.role().id(), s.csrfToken(), devSignIn, oidcSignIn);
    }
}
