package no.formidler.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A subscription as Altinn Events takes it. {@code sourceFilter}, {@code alternativeSubjectFilter} and
 * {@code includeSubunits} are accepted so that existing clients work; the subject may come as
 * {@code alternativeSubjectFilter: /organisation/<org>} as older Broker docs ask.
 */
@JsonIgnoreProperties(ignoreUnknown = true) // unknown members ignored, as the reference does (README)
record SubscriptionRequest(String endPoint, String resourceFilter, String subjectFilter, String typeFilter,
                           String sourceFilter, String alternativeSubjectFilter, Boolean includeSubunits) {
}
