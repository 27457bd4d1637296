package no.formidler.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.formidler.system.CommitOrder;
import no.formidler.system.FormidlerProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signed checkpoints of the audit log: its size and the Merkle root over its leaves at that size, signed with the
 * evidence key. A verifier holding two checkpoints can check that the later extends the earlier (a consistency
 * proof), and that an entry is in the log (an inclusion proof).
 *
 * <p>The tree is rebuilt from the leaf hashes for each proof: 32 bytes per entry read once, O(n) hashing.
 */
@Component
public class Checkpoints {
    static final String JWS_TYPE = "formidler-checkpoint+jws";
    private static final HexFormat HEX = HexFormat.of();
    private final JdbcClient jdbc;
    private final CommitOrder commitOrder;
    private final AuditLog log;
    private final EvidenceSigner signer;
    private final Clock clock;
    private final String issuer;

    Checkpoints(JdbcClient jdbc, AuditLog log, EvidenceSigner signer, CommitOrder commitOrder, Clock clock,
                FormidlerProperties properties) {
        this.jdbc = jdbc;
        this.commitOrder = commitOrder;
        this.log = log;
        this.signer = signer;
        this.clock = clock;
        this.issuer = properties.publicBaseUrl().replaceAll("/+$", "");
    }

    /** @param rootHash hex SHA-256; {@code jws} signs {@code iss}, {@code treeSize}, {@code rootHash}, {@code time} */
    public record Checkpoint(long treeSize, String rootHash, Instant time, String jws) {
    }

    /** A consistency proof between two signed checkpoints. */
    public record Consistency(Checkpoint from, Checkpoint to, List<String> proof) {
    }

    /** An entry with the path from its leaf to the root of {@code checkpoint}'s tree. */
    public record Included(AuditLog.StoredEntry entry, long leafIndex, List<String> proof) {
    }

    public Optional<Checkpoint> latest() {
        return jdbc.sql(SELECT + " order by tree_size desc limit 1").query(Checkpoints::checkpoint).optional();
    }

    public Optional<Checkpoint> at(long treeSize) {
        return jdbc.sql(SELECT + " where tree_size = :size").param("size", treeSize).query(Checkpoints::checkpoint)
                .optional();
    }

    /** Signs a checkpoint of the log with every committed entry, unless the latest already covers it. */
    public Checkpoint sign() {
        commitOrder.catchUp();
        List<AuditLog.Leaf> leaves = log.leaves();
        Optional<Checkpoint> latest = latest();
        if (latest.isPresent() && latest.get().treeSize() == leaves.size()) {
            return latest.get();
        }
        String root = HEX.formatHex(MerkleTree.root(hashes(leaves), leaves.size()));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("treeSize", leaves.size());
        claims.put("rootHash", root);
        claims.put("time", now.toString());
        jdbc.sql("""
                        insert into audit_checkpoint (tree_size, root_hash, time, jws)
                        values (:size, :root, :time, :jws) on conflict (tree_size) do nothing""")
                .param("size", leaves.size()).param("root", HEX.parseHex(root))
                .param("time", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("jws", signer.sign(JWS_TYPE, claims))
                .update();
        return at(leaves.size()).orElseThrow();
    }

    /** The entries with their inclusion proofs against a checkpoint that covers them, signed now if none does. */
    public Proven prove(List<AuditLog.StoredEntry> entries) {
        long last = entries.isEmpty() ? 0 : entries.get(entries.size() - 1).entry().sequence();
        List<AuditLog.Leaf> leaves = log.leaves();
        Optional<Checkpoint> covering = latest().filter(c -> indexOf(leaves, last) < c.treeSize());
        Checkpoint checkpoint = covering.orElseGet(this::sign);
        List<AuditLog.Leaf> tree = covering.isPresent() ? leaves : log.leaves();
        List<byte[]> hashes = hashes(tree);
        int size = (int) Math.min(checkpoint.treeSize(), tree.size());
        List<Included> included = entries.stream()
                .map(e -> {
                    int index = indexOf(tree, e.entry().sequence());
                    List<String> proof = index < 0 || index >= size ? List.of()
                            : MerkleTree.inclusionProof(hashes, index, size).stream().map(HEX::formatHex).toList();
                    return new Included(e, index, proof);
                })
                .toList();
        return new Proven(checkpoint, included);
    }

    /** Entries proven against one checkpoint. */
    public record Proven(Checkpoint checkpoint, List<Included> entries) {
    }

    /** The proof that checkpoint {@code to} extends checkpoint {@code from}; empty when either is not one we signed. */
    public Optional<Consistency> consistency(long from, long to) {
        Optional<Checkpoint> older = at(from);
        Optional<Checkpoint> newer = at(to);
        if (older.isEmpty() || newer.isEmpty() || from > to) {
            return Optional.empty();
        }
        List<byte[]> hashes = hashes(log.leaves());
        int size = (int) Math.min(to, hashes.size());
        List<String> proof = MerkleTree.consistencyProof(hashes, (int) Math.min(from, size), size).stream()
                .map(HEX::formatHex).toList();
        return Optional.of(new Consistency(older.get(), newer.get(), proof));
    }

    private static int indexOf(List<AuditLog.Leaf> leaves, long sequence) {
        int low = 0;
        int high = leaves.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            long at = leaves.get(mid).sequence();
            if (at == sequence) {
                return mid;
            }
            if (at < sequence) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return -1;
    }

    private static List<byte[]> hashes(List<AuditLog.Leaf> leaves) {
        return leaves.stream().map(AuditLog.Leaf::hash).toList();
    }

    private static final String SELECT = "select tree_size, root_hash, time, jws from audit_checkpoint";

    private static Checkpoint checkpoint(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Checkpoint(rs.getLong("tree_size"), HEX.formatHex(rs.getBytes("root_hash")),
                rs.getObject("time", OffsetDateTime.class).toInstant(), rs.getString("jws"));
    }
}
