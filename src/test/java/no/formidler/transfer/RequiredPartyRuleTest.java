package no.formidler.transfer;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import no.formidler.auth.Organization;
import no.formidler.error.BrokerError;
import no.formidler.error.BrokerException;
import org.junit.jupiter.api.Test;

class RequiredPartyRuleTest {
    private static final Organization OWNER = new Organization("991825827");
    private static final Organization OTHER = new Organization("312195771");
    private static final Organization THIRD = new Organization("986252932");

    @Test
    void theRequiredPartyMaySendToAnyone() {
        assertThatCode(() -> RequiredPartyRule.check(Optional.of("991825827"), OWNER, List.of(OTHER, THIRD))).doesNotThrowAnyException();
    }

    @Test
    void anotherSenderMustSendToTheRequiredPartyAlone() {
        assertThatCode(() -> RequiredPartyRule.check(Optional.of("0192:991825827"), OTHER, List.of(OWNER))).doesNotThrowAnyException();
        assertThatThrownBy(() -> RequiredPartyRule.check(Optional.of("991825827"), OTHER, List.of(THIRD)))
                .isInstanceOfSatisfying(BrokerException.class, e -> org.assertj.core.api.Assertions.assertThat(e.error())
                        .isEqualTo(BrokerError.REQUIRED_PARTY_MISSING));
        assertThatThrownBy(() -> RequiredPartyRule.check(Optional.of("991825827"), OTHER, List.of(OWNER, THIRD)))
                .isInstanceOfSatisfying(BrokerException.class, e -> org.assertj.core.api.Assertions.assertThat(e.error())
                        .isEqualTo(BrokerError.REQUIRED_PARTY_ONE_RECIPIENT));
    }

    @Test
    void noRequiredPartyMeansNoRule() {
        assertThatCode(() -> RequiredPartyRule.check(Optional.empty(), OTHER, List.of(THIRD, OWNER))).doesNotThrowAnyException();
    }
}
