package no.formidler.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code formidler.rate-limits.*}: requests per minute per client and endpoint. The defaults are those the
 * reference's gateway enforces (docs/operations.md, Rate limits): search 10, details 15, everything else 120.
 */
@ConfigurationProperties("formidler.rate-limits")
public record RateLimitSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10") int searchPerMinute,
        @DefaultValue("15") int detailsPerMinute,
        @DefaultValue("120") int otherPerMinute) {

    public RateLimitSettings {
        if (searchPerMinute < 1 || detailsPerMinute < 1 || otherPerMinute < 1) {
            throw new IllegalArgumentException("Rate limits are at least 1 request per minute");
        }
    }

    int perMinute(EndpointCategory category) {
        return switch (category) {
            case SEARCH -> searchPerMinute;
            case DETAILS -> detailsPerMinute;
            case OTHER -> otherPerMinute;
        };
    }
}
