package no.formidler.client;

import java.util.List;
import java.util.Map;

/**
 * The body of initialize: what is sent, on which resource, from whom to whom. Organisations in either form
 * ({@code 0192:991825827} or the URN); {@code checksum} is an optional MD5 (hex) the broker checks the upload against.
 */
public record FileTransferRequest(String fileName, String resourceId, String sendersFileTransferReference,
                                  String sender, List<String> recipients, Map<String, String> propertyList,
                                  String checksum, Boolean disableVirusScan) {

    /** A request with a new random reference (the broker requires one; set your own with {@link #withReference}). */
    public static FileTransferRequest of(String fileName, String resourceId, String sender, List<String> recipients) {
        return new FileTransferRequest(fileName, resourceId, java.util.UUID.randomUUID().toString(), sender, recipients,
                null, null, null);
    }

    public FileTransferRequest withReference(String reference) {
        return new FileTransferRequest(fileName, resourceId, reference, sender, recipients, propertyList, checksum, disableVirusScan);
    }

    public FileTransferRequest withProperties(Map<String, String> properties) {
        return new FileTransferRequest(fileName, resourceId, sendersFileTransferReference, sender, recipients, properties,
                checksum, disableVirusScan);
    }
}
