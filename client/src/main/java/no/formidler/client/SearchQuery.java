package no.formidler.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Search criteria of {@code GET /filetransfer}: a resource and any of status, recipient status, role, time span. */
public record SearchQuery(String resourceId, String status, String recipientStatus, String role,
                          OffsetDateTime from, OffsetDateTime to, Boolean orderAscending) {

    public static SearchQuery resource(String resourceId) {
        return new SearchQuery(resourceId, null, null, null, null, null, null);
    }

    public SearchQuery status(String value) {
        return new SearchQuery(resourceId, value, recipientStatus, role, from, to, orderAscending);
    }

    public SearchQuery recipientStatus(String value) {
        return new SearchQuery(resourceId, status, value, role, from, to, orderAscending);
    }

    /** {@code Sender}, {@code Recipient} or {@code Both}. */
    public SearchQuery role(String value) {
        return new SearchQuery(resourceId, status, recipientStatus, value, from, to, orderAscending);
    }

    public SearchQuery ascending() {
        return new SearchQuery(resourceId, status, recipientStatus, role, from, to, true);
    }

    String queryString() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("resourceId", resourceId);
        params.put("status", status);
        params.put("recipientStatus", recipientStatus);
        params.put("role", role);
        params.put("from", from);
        params.put("to", to);
        params.put("orderAscending", orderAscending);
        return params.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().toString(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
