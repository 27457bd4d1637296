package no.formidler.storage;

import java.io.IOException;

/** The blob asked for is not (or no longer) in the store. */
public class BlobNotFoundException extends IOException {
    public BlobNotFoundException(String key) {
        super("No blob under key " + key);
    }
}
