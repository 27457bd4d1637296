package no.formidler.upload.tus;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Pattern;

/** Reads and checks the TUS request headers; each refusal is a {@link TusError}. */
final class TusHeaders {
    static final String VERSION = "1.0.0";
    static final String OFFSET_OCTET_STREAM = "application/offset+octet-stream";
    private static final Pattern DIGITS = Pattern.compile("\\d{1,19}");
    private static final Pattern METADATA_KEY = Pattern.compile("[^\\s,]+");
    private static final Pattern HEX32 = Pattern.compile("[0-9a-fA-F]{32}");

    private TusHeaders() {
    }

    /** Every request but OPTIONS names the protocol version it speaks (TUS core, Tus-Resumable). */
    static void requireVersion(HttpServletRequest request) {
        String version = request.getHeader("Tus-Resumable");
        if (!VERSION.equals(version)) {
            throw TusError.UNSUPPORTED_VERSION.exception(version == null ? "(none)" : version);
        }
    }

    static long uploadLength(HttpServletRequest request) {
        String value = request.getHeader("Upload-Length");
        if (value == null) {
            throw TusError.MISSING_UPLOAD_LENGTH.exception();
        }
        return nonNegative(value, TusError.INVALID_UPLOAD_LENGTH);
    }

    static long uploadOffset(HttpServletRequest request) {
        String value = request.getHeader("Upload-Offset");
        if (value == null) {
            throw TusError.MISSING_UPLOAD_OFFSET.exception();
        }
        return nonNegative(value, TusError.INVALID_UPLOAD_OFFSET);
    }

    static OptionalLong contentLength(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        return length >= 0 ? OptionalLong.of(length) : OptionalLong.empty();
    }

    static boolean isOffsetOctetStream(String contentType) {
        return contentType != null
                && contentType.split(";", 2)[0].trim().equalsIgnoreCase(OFFSET_OCTET_STREAM);
    }

    private static long nonNegative(String value, TusError error) {
        String trimmed = value.trim();
        if (!DIGITS.matcher(trimmed).matches()) {
            throw error.exception();
        }
        try {
            return Long.parseLong(trimmed);
        } catch (NumberFormatException e) {
            throw error.exception();
        }
    }

    /** {@code Upload-Checksum: <algorithm> <base64 digest>} (checksum extension); empty when not sent. */
    static Optional<ChunkChecksum> checksum(HttpServletRequest request) {
        String value = request.getHeader("Upload-Checksum");
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.trim().split(" ");
        if (parts.length != 2) {
            throw TusError.INVALID_CHECKSUM.exception();
        }
        String algorithm = switch (parts[0].toLowerCase(Locale.ROOT)) {
            case "md5" -> "MD5";
            case "sha1" -> "SHA-1";
            case "sha256" -> "SHA-256";
            default -> throw TusError.UNSUPPORTED_CHECKSUM_ALGORITHM.exception(parts[0]);
        };
        try {
            return Optional.of(new ChunkChecksum(algorithm, Base64.getDecoder().decode(parts[1])));
        } catch (IllegalArgumentException e) {
            throw TusError.INVALID_CHECKSUM.exception();
        }
    }

    /** The digest a client says its chunk has. */
    record ChunkChecksum(String algorithm, byte[] digest) {
    }

    /** {@code Upload-Metadata}: checked for syntax and kept as sent. */
    static Optional<String> metadata(HttpServletRequest request) {
        String value = request.getHeader("Upload-Metadata");
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        for (String pair : value.split(",", -1)) {
            String[] kv = pair.trim().split(" ", -1);
            if (kv.length > 2 || !METADATA_KEY.matcher(kv[0]).matches()) {
                throw TusError.INVALID_METADATA.exception();
            }
            if (kv.length == 2) {
                try {
                    Base64.getDecoder().decode(kv[1]);
                } catch (IllegalArgumentException e) {
                    throw TusError.INVALID_METADATA.exception();
                }
            }
        }
        return Optional.of(value.trim());
    }

    /** What a creation asks for (concatenation extension): a single upload, a partial one, or a final one of these. */
    sealed interface Concat permits Single, Partial, Final {
    }

    record Single() implements Concat {
    }

    record Partial() implements Concat {
    }

    record Final(List<UUID> partials) implements Concat {
    }

    static Concat concat(HttpServletRequest request) {
        String value = request.getHeader("Upload-Concat");
        if (value == null) {
            return new Single();
        }
        String trimmed = value.trim();
        if (trimmed.equals("partial")) {
            return new Partial();
        }
        if (!trimmed.startsWith("final;")) {
            throw TusError.INVALID_CONCAT.exception();
        }
        List<UUID> ids = new ArrayList<>();
        for (String reference : trimmed.substring("final;".length()).trim().split("\\s+")) {
            if (!reference.isEmpty()) {
                ids.add(partialIdOf(reference));
            }
        }
        if (ids.isEmpty()) {
            throw TusError.INVALID_CONCAT.exception();
        }
        return new Final(List.copyOf(ids));
    }

    /**
     * A partial upload named in {@code Upload-Concat: final;…}: an absolute URL or a path under the TUS endpoint, of
     * which the last segment is the id (so {@code …/partial/{id}} and the legacy {@code …/{transferId}/{id}} both
     * work), or a bare id (docs/compatibility.md §5.2).
     */
    static UUID partialIdOf(String reference) {
        String id = reference;
        if (reference.contains("/")) {
            String path;
            try {
                path = URI.create(reference).getPath();
            } catch (IllegalArgumentException e) {
                throw TusError.INVALID_CONCAT.exception();
            }
            if (path == null || !path.startsWith(TusController.BASE + "/")) {
                throw TusError.INVALID_CONCAT.exception();
            }
            id = path.substring(path.lastIndexOf('/') + 1);
        }
        return parseId(id).orElseThrow(() -> TusError.UNKNOWN_PARTIAL.exception(reference));
    }

    /** An id in the dashed form or the 32-hex form partial URLs use. */
    static Optional<UUID> parseId(String value) {
        String dashed = HEX32.matcher(value).matches()
                ? value.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5")
                : value;
        try {
            UUID id = UUID.fromString(dashed);
            return id.toString().equalsIgnoreCase(dashed) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
