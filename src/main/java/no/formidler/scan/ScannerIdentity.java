package no.formidler.scan;

/**
 * Which scanner gave a verdict, so a recipient can see what was checked.
 *
 * @param signatureVersion the signature database version, when the scanner tells it
 */
public record ScannerIdentity(String scanner, String engineVersion, String signatureVersion) {
}
