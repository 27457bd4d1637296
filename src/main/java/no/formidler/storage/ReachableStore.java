package no.formidler.storage;

import java.io.IOException;

/** A store on the other side of a network, which can be asked whether it answers (for readiness). */
public interface ReachableStore {

    /** Returns when the store answers and accepts our credentials; else throws with the reason. */
    void checkReachable() throws IOException;
}
