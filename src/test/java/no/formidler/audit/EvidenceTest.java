package no.formidler.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import no.formidler.system.CommitOrder;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Receipts, the audit log and its checkpoints over HTTP, against what a verifier outside the broker can check. */
class EvidenceTest extends ApiTest {
    private static final byte[] FILE = "the evidence under test".getBytes(StandardCharsets.UTF_8);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    AuditLog log;
    @Autowired
    EvidenceKeys keys;
    @Autowired
    CommitOrder commitOrder;

    @Test
    void aJourneyGivesOneSubmissionReceiptAndOneDeliveryReceiptPerRecipientEachSignedOverTheFile() throws Exception {
        Scenario s = scenario().ready();
        String id = s.initialize("", List.of(s.recipient1, s.recipient2));
        assertThat(s.upload(id, FILE).status()).isEqualTo(200);
        for (String token : List.of(s.recipient1Token, s.recipient2Token)) {
            assertThat(s.download(id, token).status()).isEqualTo(200);
            assertThat(s.confirm(id, token).status()).isEqualTo(204);
        }

        JsonNode receipts = receipts(id, s.senderToken).get("receipts");
        assertThat(receipts.findValuesAsString("kind")).containsExactly("submission", "delivery", "delivery");
        assertThat(receipts.findValuesAsString("recipient")).containsExactlyInAnyOrder("", "0192:" + s.recipient1,
                "0192:" + s.recipient2);
        JWKSet published = JWKSet.parse(client.get("/.well-known/jwks.json", null).body());
        for (JsonNode receipt : receipts) {
            Map<String, Object> claims = verified(receipt.get("receipt").asString(), published);
            assertThat(claims).containsEntry("fileTransferId", id).containsEntry("resourceId", s.resourceId)
                    .containsEntry("fileName", "report.pdf").containsEntry("fileSize", (long) FILE.length)
                    .containsEntry("sha256", sha256(FILE)).containsEntry("sender", "0192:" + s.sender)
                    .containsEntry("iss", "http://localhost:8080");
        }
        Map<String, Object> delivery = verified(receipts.get(1).get("receipt").asString(), published);
        assertThat(((Map<?, ?>) delivery.get("event")).get("type")).isEqualTo("no.altinn.broker.downloadconfirmed");

        String jws = receipts.get(0).get("receipt").asString();
        assertThat(verifies(tamperedPayload(jws), published)).isFalse();
        byte[] changedFile = FILE.clone();
        changedFile[0] ^= 1;
        assertThat(verified(jws, published).get("sha256")).isNotEqualTo(sha256(changedFile));
    }

    @Test
    void aRecipientSeesOnlyItsOwnDeliveryReceiptAndAnOutsiderNothing() {
        Scenario s = scenario().ready();
        String id = s.initialize("", List.of(s.recipient1, s.recipient2));
        s.upload(id, FILE);
        s.download(id, s.recipient1Token);
        s.confirm(id, s.recipient1Token);

        JsonNode own = receipts(id, s.recipient1Token).get("receipts");
        assertThat(own.findValuesAsString("kind")).containsExactly("delivery");
        assertThat(receipts(id, s.recipient2Token).get("receipts")).isEmpty();
        assertThat(client.get("/broker/api/v1/filetransfer/" + id + "/receipts", s.outsiderToken).status()).isEqualTo(401);
        assertThat(client.get("/broker/api/v1/filetransfer/" + id + "/audit", s.outsiderToken).status()).isEqualTo(401);
        assertThat(client.get("/broker/api/v1/filetransfer/" + id + "/receipts", null).status()).isEqualTo(401);
    }

    @Test
    void everyStatusChangeAndDownloadIsAnEntryProvenAgainstASignedCheckpoint() throws Exception {
        Scenario s = scenario().ready();
        String id = s.publish(FILE);
        s.download(id, s.recipient1Token, "Range", "bytes=0-4");
        s.confirm(id, s.recipient1Token);

        JsonNode audit = client.get("/broker/api/v1/filetransfer/" + id + "/audit", s.senderToken).json();
        assertThat(audit.get("entries").findValuesAsString("action")).containsExactly("transfer-status",
                "transfer-status", "transfer-status", "recipient-status", "download", "recipient-status");
        JsonNode download = audit.get("entries").get(4);
        assertThat(download.get("details").asString()).contains("\"first\":0", "\"length\":5");
        JsonNode checkpoint = audit.get("checkpoint");
        JWKSet published = JWKSet.parse(client.get("/.well-known/jwks.json", null).body());
        Map<String, Object> signed = verified(checkpoint.get("jws").asString(), published);
        assertThat(signed).containsEntry("rootHash", checkpoint.get("rootHash").asString());
        byte[] root = HexFormat.of().parseHex(checkpoint.get("rootHash").asString());
        long size = checkpoint.get("treeSize").asLong();
        for (JsonNode entry : audit.get("entries")) {
            assertThat(entry.get("hash").asString()).isEqualTo(HexFormat.of().formatHex(entryOf(entry).hash()));
            assertThat(rootFromPath(entryOf(entry).hash(), entry.get("leafIndex").asLong(), size,
                    entry.get("inclusionProof"))).isEqualTo(root);
        }
        assertThat(client.get("/broker/api/v1/filetransfer/" + id + "/audit", s.ownerToken).status()).isEqualTo(200);
    }

    @Test
    void eventsThatCertifySomethingCarryTheirReceiptUrl() {
        Scenario s = scenario().ready();
        s.policy("""
                {"rules":[{"subjects":["0192:%s"],"actions":["write","read","subscribe"]},
                          {"subjects":["0192:%s","0192:%s"],"actions":["read"]}]}"""
                .formatted(s.sender, s.recipient1, s.recipient2));
        String id = s.publish(FILE);
        var response = client.get("/events/api/v1/events?resource=urn:altinn:resource:" + s.resourceId,
                ISSUER.enterprise(s.sender, "altinn:events.subscribe"));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);

        Map<String, String> receiptByType = new java.util.HashMap<>();
        for (JsonNode event : response.json()) {
            JsonNode receipt = event.get("data").get("receipt");
            receiptByType.put(event.get("type").asString(), receipt == null ? "none" : receipt.asString());
        }
        assertThat(receiptByType).containsEntry("no.altinn.broker.published",
                "http://localhost:8080/broker/api/v1/filetransfer/" + id + "/receipts")
                .containsEntry("no.altinn.broker.filetransferinitialized", "none");
    }

    @Test
    void manyTransactionsAtOnceMakeOneGapFreeSequence() throws Exception {
        long before = lastSequence();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Long>> writers = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            writers.add(() -> transactions.execute(status -> {
                log.record(new Audited(java.util.Optional.empty(), java.util.Optional.empty(), "test",
                        "test:concurrency", java.util.Optional.empty(), java.util.Optional.empty(), Map.of()));
                return 0L;
            }));
        }
        pool.invokeAll(writers);
        pool.shutdown();
        commitOrder.catchUp();
        List<Long> sequences = jdbc.sql("select sequence from audit_entry where sequence > :s order by sequence")
                .param("s", before).query(Long.class).list();
        assertThat(sequences).hasSizeGreaterThanOrEqualTo(80);
        for (int i = 0; i < sequences.size(); i++) {
            assertThat(sequences.get(i)).isEqualTo(before + 1 + i);
        }
        List<byte[]> chain = jdbc.sql("select previous_hash from audit_entry where sequence > :s order by sequence")
                .param("s", before + 1).query((rs, n) -> rs.getBytes(1)).list();
        List<byte[]> hashes = jdbc.sql("select hash from audit_entry where sequence >= :s order by sequence")
                .param("s", before + 1).query((rs, n) -> rs.getBytes(1)).list();
        for (int i = 0; i < chain.size(); i++) {
            assertThat(chain.get(i)).isEqualTo(hashes.get(i));
        }
    }

    @Test
    void receiptsSignedBeforeARotationStillVerifyWithThePublishedKeys() throws Exception {
        Scenario s = scenario().ready();
        String before = s.publish(FILE);
        String oldKid = JWSObject.parse(receipts(before, s.senderToken).get("receipts").get(0).get("receipt").asString())
                .getHeader().getKeyID();
        String newKid = keys.rotate().getKeyID();
        String after = s.publish(FILE);

        JWKSet published = JWKSet.parse(client.get("/.well-known/jwks.json", null).body());
        assertThat(published.getKeys()).extracting(k -> k.getKeyID()).contains(oldKid, newKid);
        assertThat(published.getKeys()).allSatisfy(k -> assertThat(k.isPrivate()).isFalse());
        String oldReceipt = receipts(before, s.senderToken).get("receipts").get(0).get("receipt").asString();
        String newReceipt = receipts(after, s.senderToken).get("receipts").get(0).get("receipt").asString();
        assertThat(verifies(oldReceipt, published)).isTrue();
        assertThat(JWSObject.parse(newReceipt).getHeader().getKeyID()).isEqualTo(newKid);
        assertThat(verifies(newReceipt, published)).isTrue();
    }

    @Test
    void resourceSettingsRulesAccessListAndSubscriptionChangesAreAudited() {
        Scenario s = scenario().ready();
        s.policy("""
                {"rules":[{"subjects":["0192:%s"],"actions":["write","read","subscribe"]}]}""".formatted(s.sender));
        assertThat(client.putJson("/broker/api/v1/resource/" + s.resourceId + "/accesslist", s.ownerToken,
                "{\"enabled\":false,\"members\":[\"0192:" + s.recipient1 + "\"]}").status()).isEqualTo(200);
        String events = ISSUER.enterprise(s.owner, "altinn:events.subscribe " + Scenario.SERVICE_OWNER);
        var subscription = client.postJson("/events/api/v1/subscriptions", events,
                "{\"endPoint\":\"http://127.0.0.1:9/hook\",\"resourceFilter\":\"urn:altinn:resource:"
                        + s.resourceId + "\"}");
        assertThat(subscription.status()).as(subscription.toString()).isEqualTo(201);
        client.send(client.request("/events/api/v1/subscriptions/" + subscription.json().get("id").asLong(), events)
                .DELETE().build());

        commitOrder.catchUp();
        List<String> actions = jdbc.sql("select action from audit_entry where resource_id = :r order by sequence")
                .param("r", s.resourceId).query(String.class).list();
        assertThat(actions).containsSubsequence("resource-created", "resource-policy", "resource-access-list",
                "subscription-created", "subscription-deleted");
        assertThat(jdbc.sql("select actor from audit_entry where resource_id = :r and action = 'resource-access-list'")
                .param("r", s.resourceId).query(String.class).single()).isEqualTo("0192:" + s.owner);
    }

    @Test
    void theLogRefusesUpdatesAndDeletes() {
        long last = lastSequence();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> jdbc.sql(
                "update audit_entry set details = '{}' where sequence = :s").param("s", last).update()))
                .hasMessageContaining("append-only");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> jdbc.sql(
                "delete from audit_entry where sequence = :s").param("s", last).update()))
                .hasMessageContaining("append-only");
    }

    @Test
    void anEntryChangedInTheDatabaseIsNamedAndTheOthersStillProve() {
        Scenario s = scenario().ready();
        String id = s.publish(FILE);
        commitOrder.catchUp();
        long altered = jdbc.sql("select min(sequence) from audit_entry where file_transfer_id = :id")
                .param("id", java.util.UUID.fromString(id)).query(Long.class).single();
        asAttacker("update audit_entry set details = replace(details, 'Initialized', 'Published') where sequence = "
                + altered);

        JsonNode audit = client.get("/broker/api/v1/filetransfer/" + id + "/audit", s.senderToken).json();
        byte[] root = HexFormat.of().parseHex(audit.get("checkpoint").get("rootHash").asString());
        long size = audit.get("checkpoint").get("treeSize").asLong();
        List<Long> broken = new ArrayList<>();
        for (JsonNode entry : audit.get("entries")) {
            byte[] hash = entryOf(entry).hash();
            boolean holds = entry.get("hash").asString().equals(HexFormat.of().formatHex(hash))
                    && java.util.Arrays.equals(rootFromPath(hash, entry.get("leafIndex").asLong(), size,
                    entry.get("inclusionProof")), root);
            if (!holds) {
                broken.add(entry.get("sequence").asLong());
            }
        }
        assertThat(broken).containsExactly(altered);
    }

    @Test
    void aDeletedEntryBreaksTheConsistencyOfTheNextCheckpointWithThePrevious() {
        Scenario s = scenario().ready();
        s.publish(FILE);
        JsonNode older = signNow(s);
        asAttacker("delete from audit_entry where sequence = " + (older.get("treeSize").asLong() - 1));
        s.publish(FILE);
        JsonNode newer = signNow(s);

        JsonNode proof = client.get("/broker/api/v1/audit/checkpoints/consistency?from=" + older.get("treeSize")
                + "&to=" + newer.get("treeSize"), s.senderToken).json();
        assertThat(consistent(older, newer, proof.get("proof"))).isFalse();
        assertThat(client.get("/broker/api/v1/audit/checkpoints/consistency?from=1&to=999999999", s.senderToken)
                .status()).isEqualTo(404);
    }

    @Test
    void anUntouchedLogIsConsistentBetweenCheckpoints() {
        Scenario s = scenario().ready();
        s.publish(FILE);
        JsonNode older = signNow(s);
        s.publish(FILE);
        JsonNode newer = signNow(s);
        JsonNode proof = client.get("/broker/api/v1/audit/checkpoints/consistency?from=" + older.get("treeSize")
                + "&to=" + newer.get("treeSize"), s.senderToken).json();
        assertThat(consistent(older, newer, proof.get("proof"))).isTrue();
    }

    @Autowired
    Checkpoints checkpoints;

    private JsonNode signNow(Scenario s) {
        checkpoints.sign();
        return client.get("/broker/api/v1/audit/checkpoints/latest", s.senderToken).json();
    }

    /** What an attacker with the database owner's rights does: switch the guard off, change, switch it on. */
    private void asAttacker(String sql) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("alter table audit_entry disable trigger audit_entry_append_only").update();
            jdbc.sql(sql).update();
            jdbc.sql("alter table audit_entry enable trigger audit_entry_append_only").update();
        });
    }

    /** RFC 9162 §2.1.4.2. */
    private static boolean consistent(JsonNode older, JsonNode newer, JsonNode proof) {
        long first = older.get("treeSize").asLong();
        long second = newer.get("treeSize").asLong();
        byte[] firstRoot = HexFormat.of().parseHex(older.get("rootHash").asString());
        byte[] secondRoot = HexFormat.of().parseHex(newer.get("rootHash").asString());
        List<byte[]> path = new ArrayList<>();
        proof.forEach(n -> path.add(HexFormat.of().parseHex(n.asString())));
        if (path.isEmpty()) {
            return false;
        }
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleTree.node(c, fr);
                sr = MerkleTree.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = MerkleTree.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && java.util.Arrays.equals(fr, firstRoot) && java.util.Arrays.equals(sr, secondRoot);
    }

    private long lastSequence() {
        commitOrder.catchUp();
        return jdbc.sql("select coalesce(max(sequence), 0) from audit_entry").query(Long.class).single();
    }

    private JsonNode receipts(String id, String token) {
        var response = client.get("/broker/api/v1/filetransfer/" + id + "/receipts", token);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    static AuditEntry entryOf(JsonNode e) {
        return new AuditEntry(e.get("sequence").asLong(), Instant.parse(e.get("time").asString()),
                e.get("actor").asString(), e.get("vendor").asString(), e.get("action").asString(),
                e.get("subject").asString(), e.get("details").asString(),
                HexFormat.of().parseHex(e.get("previousHash").asString()));
    }

    /** RFC 9162 §2.1.3.2: the root an inclusion proof leads to. */
    static byte[] rootFromPath(byte[] leaf, long index, long size, JsonNode path) {
        long fn = index;
        long sn = size - 1;
        byte[] r = leaf;
        for (JsonNode node : path) {
            byte[] p = HexFormat.of().parseHex(node.asString());
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleTree.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = MerkleTree.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return r;
    }

    private static Map<String, Object> verified(String jws, JWKSet keys) throws Exception {
        JWSObject object = JWSObject.parse(jws);
        assertThat(verifies(jws, keys)).as("signature of " + jws).isTrue();
        return object.getPayload().toJSONObject();
    }

    private static boolean verifies(String jws, JWKSet keys) throws Exception {
        JWSObject object = JWSObject.parse(jws);
        ECKey key = (ECKey) keys.getKeyByKeyId(object.getHeader().getKeyID());
        return key != null && object.verify(new ECDSAVerifier(key));
    }

    private static String tamperedPayload(String jws) {
        String[] parts = jws.split("\\.");
        byte[] payload = java.util.Base64.getUrlDecoder().decode(parts[1]);
        payload[payload.length / 2] ^= 1;
        return parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + "." + parts[2];
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
