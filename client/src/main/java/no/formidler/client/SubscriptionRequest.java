package no.formidler.client;

/**
 * A webhook subscription as Altinn Events takes it: {@code resourceFilter} {@code urn:altinn:resource:<id>},
 * {@code subjectFilter} {@code urn:altinn:organization:identifier-no:<orgNo>}, optional {@code typeFilter}.
 */
public record SubscriptionRequest(String endPoint, String resourceFilter, String subjectFilter, String typeFilter) {

    public static SubscriptionRequest of(String endPoint, String resourceId, String subjectOrgNo) {
        return new SubscriptionRequest(endPoint, CloudEvent.RESOURCE_PREFIX + resourceId,
                subjectOrgNo == null ? null : "urn:altinn:organization:identifier-no:" + subjectOrgNo, null);
    }
}
