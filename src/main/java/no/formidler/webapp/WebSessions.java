package no.formidler.webapp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import no.formidler.auth.Organization;
import no.formidler.auth.PersonTokens;
import org.springframework.stereotype.Service;

/**
 * Starts, resolves and ends web app sessions. The cookie value is 256 random bits; only its SHA-256 is stored. The
 * session's broker token is short-lived and renewed while the session lasts, so ending a session (or its expiry)
 * takes away the person's access within minutes, also from requests already holding a token.
 */
@Service
class WebSessions {
    static final Duration LIFETIME = Duration.ofHours(8);
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(5);
    /** Sessions and their tokens use real time, as the token validators do, whatever the domain clock says. */
    private static final Clock CLOCK = Clock.systemUTC();
    private static final SecureRandom RANDOM = new SecureRandom();
    private final WebSessionRepository repository;
    private final PersonTokens tokens;

    WebSessions(WebSessionRepository repository, PersonTokens tokens) {
        this.repository = repository;
        this.tokens = tokens;
    }

    /**
     * A new session in place of the one {@code previous} names (if any), so that signing in again leaves no older
     * session alive behind the browser's back.
     */
    Started replace(Optional<String> previous, Organization org, SignInRole role) {
        previous.ifPresent(this::end);
        return start(org, role);
    }

    /** A new session; the returned cookie value is the only copy of the session id. */
    Started start(Organization org, SignInRole role) {
        Instant now = CLOCK.instant();
        repository.deleteExpired(now);
        String cookie = randomToken();
        WebSession session = new WebSession(hash(cookie), org, role, randomToken(), tokens.sign(org, role.scopes()),
                now.plus(PersonTokens.LIFETIME), now.plus(LIFETIME));
        repository.insert(session, now);
        return new Started(cookie, session);
    }

    /** The live session the cookie names, with a token valid for at least a few more minutes. */
    Optional<WebSession> resolve(String cookie) {
        Instant now = CLOCK.instant();
        return repository.find(hash(cookie), now).map(s -> renewedIfDue(s, now));
    }

    void end(String cookie) {
        repository.delete(hash(cookie));
    }

    private WebSession renewedIfDue(WebSession s, Instant now) {
        if (s.tokenExpires().isAfter(now.plus(RENEW_BEFORE))) {
            return s;
        }
        String token = tokens.sign(s.org(), s.role().scopes());
        Instant expires = now.plus(PersonTokens.LIFETIME);
        repository.renewToken(s.idHash(), token, expires);
        return new WebSession(s.idHash(), s.org(), s.role(), s.csrfToken(), token, expires, s.expires());
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String cookie) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cookie.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record Started(String cookie, WebSession session) {
    }
}
