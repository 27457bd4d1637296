package no.formidler.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** The resolver without a regular expression answers every request exactly as Spring Security's own does. */
class BearerTokensTest {
    private final BearerTokens tokens = new BearerTokens();
    private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();

    @Test
    void aPlainBearerHeaderGivesItsToken() {
        assertThat(tokens.resolve(request("POST", "Bearer abc.DEF-_~+/0=="))).isEqualTo("abc.DEF-_~+/0==");
        assertThat(tokens.resolve(request("PATCH", "bEaReR x"))).isEqualTo("x");
        assertThat(tokens.resolve(request("GET", "Basic dXNlcjpwdw=="))).isNull();
        assertThat(tokens.resolve(new MockHttpServletRequest("GET", "/"))).isNull();
    }

    @Test
    void everyCharacterOfATokenIsReadWithoutSpring() {
        assertThat(BearerTokens.isToken("Bearer azAZ09-._~+/==", 7)).isTrue();
        assertThat(BearerTokens.isToken("Bearer ==", 7)).isFalse();
        assertThat(BearerTokens.isToken("Bearer a=b", 7)).isFalse();
        assertThat(BearerTokens.isToken("Bearer a b", 7)).isFalse();
    }

    @Test
    void headersSpringRefusesAreRefusedTheSameWay() {
        for (String header : List.of("Bearer ", "Bearer  abc", "Bearer a b", "Bearer ab=c", "Bearer ab\n", "Bearer\tabc",
                "Bearer abc ", "Bearer ab%cd", "Bearer åbc", "Bearerabc", "bearer")) {
            assertSameAnswer(request("POST", header));
        }
    }

    @Test
    void aGetWithATokenParameterAsWellIsLeftToSpring() {
        MockHttpServletRequest both = request("GET", "Bearer abc");
        both.setParameter("access_token", "def");
        assertSameAnswer(both);
        MockHttpServletRequest form = request("POST", "Bearer abc");
        form.setContentType("application/x-www-form-urlencoded");
        form.setParameter("access_token", "def");
        assertSameAnswer(form);
        MockHttpServletRequest other = request("PUT", "Bearer abc");
        other.setParameter("access_token", "def");
        assertSameAnswer(other);
    }

    @Test
    void randomHeadersGetSpringsAnswer() {
        Random random = new Random(16);
        String alphabet = "aZ09-._~+/= \t\u00e5%\u0000\n\u2028Bb";
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder header = new StringBuilder(random.nextBoolean() ? "Bearer " : random.nextBoolean() ? "BEARER " : "Bear");
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                header.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            headers.add(header.toString());
        }
        for (String header : headers) {
            assertSameAnswer(request(random.nextBoolean() ? "GET" : "POST", header));
        }
    }

    private void assertSameAnswer(MockHttpServletRequest request) {
        assertThat(answer(tokens, request)).as(request.getHeader("Authorization")).isEqualTo(answer(spring, request));
    }

    private static String answer(org.springframework.security.oauth2.server.resource.web.BearerTokenResolver resolver,
                                 MockHttpServletRequest request) {
        try {
            return "token " + resolver.resolve(request);
        } catch (OAuth2AuthenticationException e) {
            return "refused " + e.getError().getErrorCode() + " " + e.getError().getDescription();
        }
    }

    private static MockHttpServletRequest request(String method, String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/broker/api/v1/filetransfer");
        request.addHeader("Authorization", authorization);
        return request;
    }
}
