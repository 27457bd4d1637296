package no.formidler.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on the broker's answers that many HTTP tests share. */
public final class BrokerAssertions {
    private BrokerAssertions() {
    }

    /** The response has {@code status} and is a problem with the broker error {@code code} ({@code BRO-…}). */
    public static void assertBrokerError(BrokerClient.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().get("code").asString()).isEqualTo(code);
    }
}
