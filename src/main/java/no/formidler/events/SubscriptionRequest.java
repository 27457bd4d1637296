package no.formidler.events;

/**
 * A subscription as Altinn Events takes it. {@code sourceFilter}, {@code alternativeSubjectFilter} and
 * {@code includeSubunits} are accepted so that existing clients work; the subject may come as
 * {@code alternativeSubjectFilter: /organisation/<org>} as older Broker docs ask.
 */
record SubscriptionRequest(String endPoint, String resourceFilter, String subjectFilter, String typeFilter,
                           String sourceFilter, String alternativeSubjectFilter, Boolean includeSubunits) {
}
