package no.formidler.client;

import java.nio.file.Path;
import java.util.UUID;

/** A file downloaded whole and verified: its SHA-256 and MD5 (hex) matched what the broker computed at upload. */
public record ReceivedFile(UUID fileTransferId, Path path, long size, String sha256, String md5, long resumedFrom) {
}
