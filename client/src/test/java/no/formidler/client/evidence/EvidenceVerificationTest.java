package no.formidler.client.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import no.formidler.client.BrokerClient;
import no.formidler.client.FileTransferRequest;
import no.formidler.client.UploadOptions;
import no.formidler.client.VerificationFailedException;
import no.formidler.client.testsupport.BrokerProcess;
import no.formidler.client.testsupport.Parties;
import no.formidler.client.testsupport.TestBroker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The offline verifier against what the real broker signs: receipts, audit entries and checkpoints. */
@ExtendWith(TestBroker.class)
class EvidenceVerificationTest {
    private static final String RESOURCE = "client-evidence";
    @TempDir
    static Path dir;
    static BrokerProcess broker;
    static Parties parties;

    @BeforeAll
    static void setUp(BrokerProcess shared) {
        broker = shared;
        parties = Parties.setUp(broker, RESOURCE, 1L << 20);
    }

    @Test
    void receiptsVerifyWithThePublishedKeysAndFailForOneChangedByteOfPayloadOrFile() throws IOException {
        Path file = dir.resolve("contract.txt");
        Files.writeString(file, "The contract as signed");
        UUID id = sendReceiveConfirm(file);
        EvidenceKeys keys = EvidenceKeys.fromJwks(parties.sender().evidence().publicKeys());

        List<String> receipts = parties.sender().evidence().receipts(id);
        assertThat(receipts).hasSize(2);
        Receipt submission = Receipt.verify(receipts.get(0), keys);
        Receipt delivery = Receipt.verify(receipts.get(1), keys);
        assertThat(submission.kind()).isEqualTo("submission");
        assertThat(submission.recipient()).isEmpty();
        assertThat(delivery.kind()).isEqualTo("delivery");
        assertThat(delivery.recipient()).contains("0192:" + Parties.RECIPIENT);
        assertThat(delivery.eventType()).isEqualTo("no.altinn.broker.downloadconfirmed");
        assertThat(submission.fileTransferId()).isEqualTo(id.toString());
        submission.requireFile(file);
        delivery.requireFile(file);

        assertThatThrownBy(() -> Receipt.verify(oneBitFlippedInPayload(receipts.get(0)), keys))
                .isInstanceOf(VerificationFailedException.class);
        byte[] bytes = Files.readAllBytes(file);
        bytes[3] ^= 1;
        Path changed = Files.write(dir.resolve("contract-changed.txt"), bytes);
        assertThatThrownBy(() -> submission.requireFile(changed)).isInstanceOf(VerificationFailedException.class)
                .hasMessageContaining("SHA-256");
        assertThat(parties.recipient().evidence().receipts(id)).hasSize(1)
                .allSatisfy(r -> assertThat(Receipt.verify(r, keys).kind()).isEqualTo("delivery"));
    }

    @Test
    void aTransfersAuditEntriesVerifyAndAnAlteredOneIsNamed() throws IOException {
        Path file = dir.resolve("audited.txt");
        Files.writeString(file, "audited");
        UUID id = sendReceiveConfirm(file);
        AuditVerifier verifier = new AuditVerifier(EvidenceKeys.fromJwks(parties.sender().evidence().publicKeys()));

        JsonNode audit = parties.sender().evidence().audit(id);
        assertThat(audit.path("entries").size()).isGreaterThanOrEqualTo(6);
        assertThat(verifier.verifyEntries(audit)).isEmpty();

        JsonNode altered = audit.deepCopy();
        ObjectNode third = (ObjectNode) altered.path("entries").get(2);
        third.put("details", third.path("details").asText().replace("Published", "Failed"));
        assertThat(verifier.verifyEntries(altered)).extracting(AuditVerifier.Broken::sequence)
                .containsExactly(third.path("sequence").asLong());
    }

    @Test
    void aLaterCheckpointIsProvenToExtendAnEarlierOne() throws IOException {
        AuditVerifier verifier = new AuditVerifier(EvidenceKeys.fromJwks(parties.sender().evidence().publicKeys()));
        Path file = dir.resolve("first.txt");
        Files.writeString(file, "first");
        UUID first = sendReceiveConfirm(file);
        AuditVerifier.Checkpoint older = verifier.checkpoint(parties.sender().evidence().audit(first)
                .path("checkpoint").path("jws").asText());
        UUID second = sendReceiveConfirm(file);
        AuditVerifier.Checkpoint newer = verifier.checkpoint(parties.sender().evidence().audit(second)
                .path("checkpoint").path("jws").asText());
        assertThat(newer.treeSize()).isGreaterThan(older.treeSize());

        List<byte[]> proof = AuditVerifier.hexList(parties.sender().evidence()
                .consistency(older.treeSize(), newer.treeSize()).path("proof"));
        assertThat(verifier.consistent(older, newer, proof)).isTrue();
        proof.get(proof.size() - 1)[0] ^= 1;
        assertThat(verifier.consistent(older, newer, proof)).isFalse();
    }

    private static UUID sendReceiveConfirm(Path file) {
        BrokerClient sender = parties.sender();
        UUID id = sender.send(FileTransferRequest.of(file.getFileName().toString(), RESOURCE, "0192:" + Parties.SENDER,
                List.of("0192:" + Parties.RECIPIENT)), file, UploadOptions.DEFAULT);
        sender.awaitProcessed(id, Duration.ofSeconds(30));
        parties.recipient().download(id, dir.resolve("received-" + id));
        parties.recipient().confirm(id);
        return id;
    }

    private static String oneBitFlippedInPayload(String jws) {
        String[] parts = jws.split("\\.");
        byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
        payload[payload.length / 2] ^= 1;
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + "." + parts[2];
    }
}
