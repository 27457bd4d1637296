package no.formidler.events;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Whether an address is on the public internet: not private, loopback, link-local, multicast or any range IANA
 * reserves (RFC 6890 special-purpose registries), and not one of those hidden inside IPv6 (IPv4-compatible and
 * -mapped, NAT64 {@code 64:ff9b::/96} and {@code 64:ff9b:1::/48}, 6to4 {@code 2002::/16}; Teredo is refused whole).
 */
final class PublicAddress {
    private record Range(byte[] prefix, int bits) {
        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final List<Range> RESERVED_V4 = ranges("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8",
            "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16",
            "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4");
    private static final List<Range> RESERVED_V6 = ranges("::/128", "::1/128", "100::/64", "2001::/23", "2001:db8::/32",
            "3fff::/20", "5f00::/16", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8");
    private static final Range IPV4_COMPATIBLE = range("::/96");
    private static final Range NAT64 = range("64:ff9b::/96");
    private static final Range NAT64_LOCAL = range("64:ff9b:1::/48");
    private static final Range SIX_TO_FOUR = range("2002::/16");

    private PublicAddress() {
    }

    static boolean isPublic(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return RESERVED_V4.stream().noneMatch(r -> r.contains(b));
        }
        if (NAT64_LOCAL.contains(b) || RESERVED_V6.stream().anyMatch(r -> r.contains(b))) {
            return false;
        }
        if (IPV4_COMPATIBLE.contains(b) || isMapped(b) || NAT64.contains(b)) {
            return isPublic(v4(Arrays.copyOfRange(b, 12, 16)));
        }
        if (SIX_TO_FOUR.contains(b)) {
            return isPublic(v4(Arrays.copyOfRange(b, 2, 6)));
        }
        return true;
    }

    /** {@code ::ffff:a.b.c.d}; Java turns most of these into IPv4 addresses itself, not all. */
    private static boolean isMapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    private static InetAddress v4(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e); // four bytes are always an address
        }
    }

    private static List<Range> ranges(String... cidrs) {
        return Arrays.stream(cidrs).map(PublicAddress::range).toList();
    }

    private static Range range(String cidr) {
        String[] parts = cidr.split("/");
        try {
            // Literals only: getByName does not look these up.
            return new Range(InetAddress.getByName(parts[0]).getAddress(), Integer.parseInt(parts[1]));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(cidr, e);
        }
    }
}
