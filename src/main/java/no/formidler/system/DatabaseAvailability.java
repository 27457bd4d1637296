package no.formidler.system;

/**
 * Whether the broker's own database is known to be down: the embedded PostgreSQL says so between the death of its
 * postmaster and its restart, so the web layer can answer 503 at once. An external database has no such bean.
 */
public interface DatabaseAvailability {
    boolean available();
}
