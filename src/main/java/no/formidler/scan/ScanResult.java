package no.formidler.scan;

/** A scanner's verdict on a file; only {@code Clean} lets a transfer be published. */
public enum ScanResult {
    Clean,
    Infected,
    /** Larger than the scanner accepts: never published unscanned. */
    TooLarge,
    /** The scanner looked but could not decide (an external scanner's "not scanned", an error result). */
    NotScanned
}
