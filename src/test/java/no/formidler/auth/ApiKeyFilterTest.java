package no.formidler.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The subscription key, when required: only the configured keys pass, and only API paths are checked. */
class ApiKeyFilterTest {
    private final ApiKeyFilter filter = new ApiKeyFilter(List.of("first-key", "second-key"));

    private MockHttpServletResponse call(String path, String key) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        if (key != null) {
            request.addHeader(ApiKeyFilter.HEADER, key);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void aConfiguredKeyPasses() throws Exception {
        assertThat(call("/broker/api/v1/filetransfer", "second-key").getStatus()).isEqualTo(200);
        assertThat(call("/authentication/api/v1/exchange/maskinporten", "first-key").getStatus()).isEqualTo(200);
    }

    @Test
    void aMissingOrUnknownKeyIsRefusedWithProblemDetails() throws Exception {
        MockHttpServletResponse missing = call("/broker/api/v1/filetransfer", null);
        assertThat(missing.getStatus()).isEqualTo(401);
        assertThat(missing.getContentType()).isEqualTo("application/problem+json");
        assertThat(call("/broker/api/v1/filetransfer", "first-key-").getStatus()).isEqualTo(401);
        assertThat(call("/broker/api/v1/filetransfer", "").getStatus()).isEqualTo(401);
    }

    @Test
    void aRequestALiveWebSessionAuthenticatedNeedsNoKey() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/broker/api/v1/filetransfer");
        request.setAttribute(ApiKeyFilter.SESSION_AUTHENTICATED, Boolean.TRUE);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void healthAndDevelopmentPathsNeedNoKey() throws Exception {
        assertThat(call("/health", null).getStatus()).isEqualTo(200);
    }
}
