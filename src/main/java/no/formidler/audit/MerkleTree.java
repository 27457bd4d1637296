package no.formidler.audit;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle tree over the log's leaf hashes as RFC 9162 §2.1 defines it: the root of a tree, the inclusion proof
 * of one leaf and the consistency proof between two sizes. Node = SHA-256(0x01 || left || right).
 */
final class MerkleTree {
    private static final byte[] EMPTY_ROOT = AuditEntry.sha256().digest();

    private MerkleTree() {
    }

    /** MTH(D[0:n]) over the first {@code size} leaves. */
    static byte[] root(List<byte[]> leaves, int size) {
        return size == 0 ? EMPTY_ROOT.clone() : hash(leaves, 0, size);
    }

    /** PATH(m, D[0:n]): the sibling hashes from leaf {@code index} up to the root of the first {@code size} leaves. */
    static List<byte[]> inclusionProof(List<byte[]> leaves, int index, int size) {
        List<byte[]> proof = new ArrayList<>();
        path(leaves, index, 0, size, proof);
        return proof;
    }

    /** PROOF(m, D[0:n]): that the tree of the first {@code oldSize} leaves is a prefix of that of {@code size}. */
    static List<byte[]> consistencyProof(List<byte[]> leaves, int oldSize, int size) {
        List<byte[]> proof = new ArrayList<>();
        if (oldSize > 0 && oldSize < size) {
            subproof(leaves, oldSize, 0, size, true, proof);
        }
        return proof;
    }

    private static void path(List<byte[]> leaves, int m, int start, int n, List<byte[]> proof) {
        if (n <= 1) {
            return;
        }
        int k = split(n);
        if (m < k) {
            path(leaves, m, start, k, proof);
            proof.add(hash(leaves, start + k, n - k));
        } else {
            path(leaves, m - k, start + k, n - k, proof);
            proof.add(hash(leaves, start, k));
        }
    }

    private static void subproof(List<byte[]> leaves, int m, int start, int n, boolean whole, List<byte[]> proof) {
        if (m == n) {
            if (!whole) {
                proof.add(hash(leaves, start, n));
            }
            return;
        }
        int k = split(n);
        if (m <= k) {
            subproof(leaves, m, start, k, whole, proof);
            proof.add(hash(leaves, start + k, n - k));
        } else {
            subproof(leaves, m - k, start + k, n - k, false, proof);
            proof.add(hash(leaves, start, k));
        }
    }

    private static byte[] hash(List<byte[]> leaves, int start, int n) {
        if (n == 1) {
            return leaves.get(start);
        }
        int k = split(n);
        return node(hash(leaves, start, k), hash(leaves, start + k, n - k));
    }

    static byte[] node(byte[] left, byte[] right) {
        MessageDigest sha256 = AuditEntry.sha256();
        sha256.update((byte) 0x01);
        sha256.update(left);
        return sha256.digest(right);
    }

    /** The largest power of two smaller than {@code n}. */
    private static int split(int n) {
        return Integer.highestOneBit(n - 1);
    }
}
