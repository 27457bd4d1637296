package no.formidler.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Reading blob keys and scanner addresses back: what is accepted and what is refused. */
class BlobKeyTest {
    @Test
    void aKeyWithDotSegmentsHasNoOwner() {
        assertThat(BlobKey.owned("991825827/" + UUID.randomUUID() + "/" + UUID.randomUUID())).isPresent();
        assertThat(BlobKey.owned("991825827/../other")).isEmpty();
        assertThat(BlobKey.owned("../x/y")).isEmpty();
        assertThat(BlobKey.owned("991825827/./x")).isEmpty();
        assertThat(BlobKey.owned("991825827/a/..")).isEmpty();
    }

    @Test
    void anAddressNamesTheTransferAndOurAttempt() {
        UUID transfer = UUID.randomUUID();
        UUID attempt = UUID.randomUUID();
        BlobKey.Named ours = BlobKey.namedIn("https://a/c/991825827/" + transfer + "/" + attempt + "?x=1").orElseThrow();
        assertThat(ours).isEqualTo(new BlobKey.Named(transfer, Optional.of(attempt)));
        assertThat(ours.sameAttemptAs(Optional.of("991825827/" + transfer + "/" + attempt))).isTrue();
        assertThat(ours.sameAttemptAs(Optional.of("991825827/" + transfer + "/" + UUID.randomUUID()))).isFalse();
        assertThat(BlobKey.namedIn("https://a/brokerfiles/" + transfer).orElseThrow())
                .isEqualTo(new BlobKey.Named(transfer, Optional.empty()));
        assertThat(BlobKey.namedIn("/")).isEmpty();
        assertThat(BlobKey.namedIn("")).isEmpty();
    }
}
