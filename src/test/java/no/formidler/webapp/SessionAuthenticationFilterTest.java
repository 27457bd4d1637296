package no.formidler.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The session filter with a database that cannot be reached (nothing listens on port 1): pages and assets never ask
 * it, and an API call with a cookie is answered 503 with problem details rather than 500.
 */
class SessionAuthenticationFilterTest {
    private final SessionAuthenticationFilter filter = new SessionAuthenticationFilter(
            new WebSessions(new WebSessionRepository(JdbcClient.create(
                    new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2"))), null),
            JsonMapper.builder().build());

    private MockHttpServletResponse call(String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setCookies(new Cookie(SessionCookie.NAME, "some-session"));
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void pagesAndAssetsAreServedWithoutLookingTheSessionUp() throws Exception {
        assertThat(call("/assets/index-abc123.js").getStatus()).isEqualTo(200);
        assertThat(call("/inbox").getStatus()).isEqualTo(200);
    }

    @Test
    void anApiCallWhileSessionsCannotBeReadIsAnswered503() throws Exception {
        MockHttpServletResponse response = call("/web/api/inbox");
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("application/problem+json");
    }
}
