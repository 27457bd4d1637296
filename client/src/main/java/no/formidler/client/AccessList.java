package no.formidler.client;

import java.util.List;

/** Formidler's extension {@code /resource/{id}/accesslist}: when enabled, only its members may take part. */
public record AccessList(Boolean enabled, List<String> members) {
}
