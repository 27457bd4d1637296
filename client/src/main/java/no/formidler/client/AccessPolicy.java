package no.formidler.client;

import java.util.List;

/**
 * Formidler's extension {@code /resource/{id}/policy}: which organisations ({@code 0192:<orgNo>} or {@code *}) may
 * {@code write}, {@code read} and {@code subscribe} on a resource.
 */
public record AccessPolicy(List<Rule> rules) {

    public record Rule(List<String> subjects, List<String> actions) {
    }

    public static AccessPolicy of(Rule... rules) {
        return new AccessPolicy(List.of(rules));
    }

    public static Rule allow(String subject, String... actions) {
        return new Rule(List.of(subject), List.of(actions));
    }
}
