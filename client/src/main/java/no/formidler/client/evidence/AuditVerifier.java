package no.formidler.client.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import no.formidler.client.VerificationFailedException;

/**
 * Checks audit entries offline against a signed checkpoint (docs/evidence.md): each entry's hash from its content,
 * the chain where entries follow each other, and each entry's inclusion proof to the checkpoint's root (RFC 9162
 * §2.1.3.2); and that a later checkpoint extends an earlier one (RFC 9162 §2.1.4.2).
 */
public final class AuditVerifier {
    private static final HexFormat HEX = HexFormat.of();
    private final EvidenceKeys keys;

    public AuditVerifier(EvidenceKeys keys) {
        this.keys = keys;
    }

    /** A checkpoint whose signature held. */
    public record Checkpoint(long treeSize, byte[] rootHash, String time) {
    }

    /** What is wrong with one entry. */
    public record Broken(long sequence, String reason) {
    }

    public Checkpoint checkpoint(String jws) {
        JsonNode c = SignedEvidence.verify(jws, keys);
        return new Checkpoint(c.path("treeSize").asLong(), HEX.parseHex(c.path("rootHash").asText()),
                c.path("time").asText());
    }

    /**
     * The entries of a {@code GET /filetransfer/{id}/audit} answer that do not hold, in order; empty when all do.
     * The checkpoint's own signature must hold, else {@link VerificationFailedException}.
     */
    public List<Broken> verifyEntries(JsonNode audit) {
        Checkpoint checkpoint = checkpoint(audit.path("checkpoint").path("jws").asText());
        List<Broken> broken = new ArrayList<>();
        JsonNode previous = null;
        for (JsonNode entry : audit.path("entries")) {
            long sequence = entry.path("sequence").asLong();
            byte[] hash = leafHash(entry);
            if (!HEX.formatHex(hash).equalsIgnoreCase(entry.path("hash").asText())) {
                broken.add(new Broken(sequence, "its content does not match its hash: the entry was altered"));
            } else if (previous != null && previous.path("sequence").asLong() + 1 == sequence
                    && !previous.path("hash").asText().equalsIgnoreCase(entry.path("previousHash").asText())) {
                broken.add(new Broken(sequence - 1, "the next entry does not chain to it: the entry was replaced"));
            } else if (!Arrays.equals(rootFromInclusionProof(hash, entry.path("leafIndex").asLong(), checkpoint.treeSize(),
                    hexList(entry.path("inclusionProof"))), checkpoint.rootHash())) {
                broken.add(new Broken(sequence, "it is not in the signed checkpoint of " + checkpoint.treeSize() + " entries"));
            }
            previous = entry;
        }
        return broken;
    }

    /** Whether the checkpoint {@code to} extends {@code from}, by the broker's consistency proof. */
    public boolean consistent(Checkpoint from, Checkpoint to, List<byte[]> proof) {
        if (from.treeSize() == to.treeSize()) {
            return Arrays.equals(from.rootHash(), to.rootHash()) && proof.isEmpty();
        }
        if (from.treeSize() == 0) {
            return true;
        }
        if (from.treeSize() > to.treeSize() || proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(from.treeSize()) == 1) { // a power of two: the old root is the first node
            path.add(0, from.rootHash());
        }
        long fn = from.treeSize() - 1;
        long sn = to.treeSize() - 1;
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
                fr = node(c, fr);
                sr = node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, from.rootHash()) && Arrays.equals(sr, to.rootHash());
    }

    /** RFC 9162 §2.1.3.2. */
    static byte[] rootFromInclusionProof(byte[] leaf, long index, long size, List<byte[]> path) {
        if (index < 0 || index >= size) {
            return new byte[0];
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leaf;
        for (byte[] p : path) {
            if (sn == 0) {
                return new byte[0];
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? r : new byte[0];
    }

    /** SHA-256(0x00 || the entry's fields, each as a 4-byte big-endian length and its UTF-8 bytes). */
    static byte[] leafHash(JsonNode entry) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x00);
        for (String field : List.of("sequence", "time", "actor", "vendor", "action", "subject", "details", "previousHash")) {
            byte[] bytes = entry.path(field).asText().getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
            out.writeBytes(bytes);
        }
        return sha256().digest(out.toByteArray());
    }

    static List<byte[]> hexList(JsonNode array) {
        List<byte[]> list = new ArrayList<>();
        array.forEach(n -> list.add(HEX.parseHex(n.asText())));
        return list;
    }

    private static byte[] node(byte[] left, byte[] right) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 0x01);
        sha256.update(left);
        return sha256.digest(right);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
