package no.formidler.system;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * UUIDs of version 7 (RFC 9562): the creation's millisecond first, then 74 random bits. A row keyed by a random
 * UUID lands on a random page of every index that leads with it, and with 1,000,000 transfers stored each insert
 * dirtied (and after each checkpoint logged whole) a page nobody else was using; ids that grow with time append at
 * the right edge instead. Clients take the id as opaque; the random bits keep it unguessable.
 */
public final class TimeOrderedIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {
    }

    public static UUID next(Instant now) {
        long high = (now.toEpochMilli() & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (RANDOM.nextInt() & 0xFFFL);
        long low = RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L; // the RFC's variant, 10xx
        return new UUID(high, low);
    }
}
