package no.formidler.storage;

import java.io.IOException;

/**
 * Thrown by a part's content when its writer lost its turn (a TUS lease that ran out): another writer may own the
 * upload now and may already have stored and acknowledged bytes in the same place, so a store must leave what is there
 * alone instead of cleaning up after the failed part.
 */
public class SupersededWriteException extends IOException {
    public SupersededWriteException(String message) {
        super(message);
    }
}
