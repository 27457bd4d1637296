package no.formidler.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import no.formidler.auth.Organization;
import org.junit.jupiter.api.Test;

class TransferEventTest {
    private static final UUID TRANSFER = UUID.fromString("3fa85f64-5717-4562-b3fc-2c963f66afa6");
    private static final Organization ORG = new Organization("991825827");

    @Test
    void theIdIsTheSameForTheSameEventWhenItIsAppendedAgainLater() {
        var first = new TransferEvent(EventType.PUBLISHED, "r", TRANSFER, ORG, "0192:991825827", Role.Sender, Instant.EPOCH);
        var again = new TransferEvent(EventType.PUBLISHED, "r", TRANSFER, ORG, "0192:991825827", Role.Sender, Instant.now());
        assertThat(again.id()).isEqualTo(first.id());
    }

    @Test
    void theIdDiffersByTypeRolePartyAndOccasion() {
        var base = new TransferEvent(EventType.DOWNLOAD_CONFIRMED, "r", TRANSFER, ORG, "0192:991825827", Role.Sender, Instant.EPOCH, "0192:1");
        assertThat(base.id())
                .isNotEqualTo(new TransferEvent(EventType.DOWNLOAD_CONFIRMED, "r", TRANSFER, ORG, "0192:991825827", Role.Sender, Instant.EPOCH, "0192:2").id())
                .isNotEqualTo(new TransferEvent(EventType.DOWNLOAD_CONFIRMED, "r", TRANSFER, ORG, "0192:991825827", Role.Recipient, Instant.EPOCH, "0192:1").id())
                .isNotEqualTo(new TransferEvent(EventType.PUBLISHED, "r", TRANSFER, ORG, "0192:991825827", Role.Sender, Instant.EPOCH, "0192:1").id());
    }

    @Test
    void publishedIdsAreLaidOutAsTheReferenceRendersADotNetGuid() {
        // .NET: new Guid(bytes) prints bytes 3,2,1,0-5,4-7,6-8,9-10..15 of SHA-256("published:<id>:Sender:<actor>").
        byte[] hash = EventIds.sha256("published:" + TRANSFER + ":Sender:0192:991825827");
        String hex = java.util.HexFormat.of().formatHex(hash, 0, 16);
        String expected = hex.substring(6, 8) + hex.substring(4, 6) + hex.substring(2, 4) + hex.substring(0, 2) + "-"
                + hex.substring(10, 12) + hex.substring(8, 10) + "-" + hex.substring(14, 16) + hex.substring(12, 14) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20, 32);
        var event = new TransferEvent(EventType.PUBLISHED, "r", TRANSFER, ORG, "0192:991825827", Role.Sender, Instant.EPOCH);
        assertThat(event.id()).hasToString(expected);
    }
}
