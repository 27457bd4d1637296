package no.formidler.apidocs;

import static no.formidler.error.BrokerError.*;

import java.util.List;
import java.util.Map;
import no.formidler.error.BrokerError;

/** Which broker errors each endpoint may answer with (docs/compatibility.md §2, "fires when"). */
public final class EndpointErrors {
    private static final String API = "/broker/api/v1";
    private static final String EVENTS = "/events/api/v1";

    static final Map<String, List<BrokerError>> BY_OPERATION = Map.ofEntries(
            Map.entry("POST " + API + "/filetransfer", List.of(SERVICE_OWNER_NOT_CONFIGURED, RESOURCE_NOT_REGISTERED,
                    NO_ACCESS_TO_RESOURCE, VIRUS_SCAN_DISABLE_NOT_APPROVED, STORAGE_NOT_READY, REQUIRED_PARTY_MISSING,
                    REQUIRED_PARTY_ONE_RECIPIENT, RECIPIENT_NOT_IN_ACCESS_LIST)),
            Map.entry("POST " + API + "/filetransfer/{fileTransferId}/upload", List.of(FILE_TRANSFER_NOT_FOUND,
                    SERVICE_OWNER_NOT_CONFIGURED, FILE_TRANSFER_ALREADY_UPLOADED, RESOURCE_NOT_REGISTERED,
                    NO_ACCESS_TO_RESOURCE, UPLOAD_FAILED, CHECKSUM_MISMATCH, FILE_SIZE_EXCEEDS_MAXIMUM, STORAGE_NOT_READY,
                    STORAGE_FULL, UPLOAD_STOPPED_BY_CANCEL)),
            Map.entry("POST " + API + "/filetransfer/upload", List.of(SERVICE_OWNER_NOT_CONFIGURED,
                    FILE_TRANSFER_ALREADY_UPLOADED, RESOURCE_NOT_REGISTERED, NO_ACCESS_TO_RESOURCE, UPLOAD_FAILED,
                    CHECKSUM_MISMATCH, FILE_SIZE_EXCEEDS_MAXIMUM, VIRUS_SCAN_DISABLE_NOT_APPROVED, STORAGE_NOT_READY,
                    STORAGE_FULL, REQUIRED_PARTY_MISSING, REQUIRED_PARTY_ONE_RECIPIENT, RECIPIENT_NOT_IN_ACCESS_LIST,
                    UPLOAD_STOPPED_BY_CANCEL)),
            Map.entry("GET " + API + "/filetransfer/{fileTransferId}", List.of(FILE_TRANSFER_NOT_FOUND, NO_ACCESS_TO_RESOURCE)),
            Map.entry("GET " + API + "/filetransfer/{fileTransferId}/details", List.of(FILE_TRANSFER_NOT_FOUND, NO_ACCESS_TO_RESOURCE)),
            Map.entry("GET " + API + "/filetransfer", List.of(NO_ACCESS_TO_RESOURCE)),
            Map.entry("GET " + API + "/filetransfer/{fileTransferId}/download", List.of(FILE_TRANSFER_NOT_FOUND,
                    SERVICE_OWNER_NOT_CONFIGURED, NO_FILE_UPLOADED, RESOURCE_NOT_REGISTERED, NO_ACCESS_TO_RESOURCE,
                    FILE_NOT_READY_FOR_DOWNLOAD, RANGE_NOT_SATISFIABLE, STORAGE_NOT_READY)),
            Map.entry("POST " + API + "/filetransfer/{fileTransferId}/confirmdownload", List.of(FILE_TRANSFER_NOT_FOUND,
                    NO_FILE_UPLOADED, NO_ACCESS_TO_RESOURCE, CONFIRM_ONLY_WHEN_PUBLISHED, CONFIRM_BEFORE_DOWNLOAD)),
            Map.entry("GET " + API + "/filetransfer/{fileTransferId}/receipts", List.of(FILE_TRANSFER_NOT_FOUND, NO_ACCESS_TO_RESOURCE)),
            Map.entry("GET " + API + "/filetransfer/{fileTransferId}/audit", List.of(FILE_TRANSFER_NOT_FOUND, NO_ACCESS_TO_RESOURCE)),
            Map.entry("GET " + API + "/audit/checkpoints/consistency", List.of(CHECKPOINT_NOT_FOUND)),
            Map.entry("POST " + API + "/filetransfer/{fileTransferId}/cancel", List.of(FILE_TRANSFER_NOT_FOUND,
                    NO_ACCESS_TO_RESOURCE, CANCEL_NOT_ALLOWED)),
            Map.entry("PUT " + API + "/resource/{resourceId}", List.of(RESOURCE_NOT_REGISTERED, NO_ACCESS_TO_RESOURCE,
                    MAX_SIZE_NEGATIVE, MAX_SIZE_ZERO, MAX_SIZE_OVER_SCAN_LIMIT, INVALID_TIME_TO_LIVE, TIME_TO_LIVE_TOO_LONG,
                    INVALID_GRACE_PERIOD, GRACE_PERIOD_TOO_LONG, MAX_SIZE_OVER_GLOBAL_LIMIT,
                    MANIFEST_SHIM_NEEDS_LEGACY_CODES, SERVICE_OWNER_OF_RESOURCE_NOT_CONFIGURED)),
            Map.entry("GET " + API + "/resource/{resourceId}", List.of(NO_ACCESS_TO_RESOURCE, RESOURCE_NOT_CONFIGURED)),
            Map.entry("GET " + API + "/resource/{resourceId}/policy", List.of(NO_ACCESS_TO_RESOURCE, RESOURCE_NOT_CONFIGURED)),
            Map.entry("PUT " + API + "/resource/{resourceId}/policy", List.of(NO_ACCESS_TO_RESOURCE, RESOURCE_NOT_CONFIGURED)),
            Map.entry("POST " + API + "/serviceowner", List.of(CALLER_ORGANIZATION_UNKNOWN, SERVICE_OWNER_EXISTS,
                    SERVICE_OWNER_NOT_INITIALIZED)),
            Map.entry("GET " + API + "/notifications/settings", List.of(CALLER_ORGANIZATION_UNKNOWN)),
            Map.entry("PUT " + API + "/notifications/settings", List.of(CALLER_ORGANIZATION_UNKNOWN)),
            Map.entry("GET " + API + "/serviceowner", List.of(CALLER_ORGANIZATION_UNKNOWN, SERVICE_OWNER_NOT_FOUND)),
            Map.entry("GET " + API + "/statistics/monthly", List.of(INVALID_REPORT_PERIOD, REPORT_NEEDS_END_USER_OR_VENDOR,
                    NO_ACCESS_TO_RESOURCE, RESOURCE_NOT_CONFIGURED)),
            Map.entry("GET " + API + "/resource/{resourceId}/accesslist", List.of(NO_ACCESS_TO_RESOURCE, RESOURCE_NOT_CONFIGURED)),
            Map.entry("PUT " + API + "/resource/{resourceId}/accesslist", List.of(NO_ACCESS_TO_RESOURCE, RESOURCE_NOT_CONFIGURED)),
            Map.entry("PUT " + API + "/resource/{resourceId}/approval", List.of(RESOURCE_NOT_CONFIGURED)),
            Map.entry("POST " + API + "/statistics/generate-daily-summary", List.of(NO_REPORT_DATA)),
            Map.entry("POST " + API + "/statistics/generate-and-download-daily-summary", List.of(NO_REPORT_DATA)),
            Map.entry("POST " + API + "/webhooks/malwarescanresults", List.of(FILE_TRANSFER_NOT_FOUND,
                    NOT_YET_UPLOAD_PROCESSING)),
            // No broker error: latest signs a checkpoint when there is none; the events API answers with plain
            // problem details (a missing subscription is a 404 of its own). Listed so that a new endpoint is a choice
            // (EndpointTablesTest). TUS answers with its own protocol errors (upload/tus/TusError), not these.
            Map.entry("GET " + API + "/audit/checkpoints/latest", List.of()),
            Map.entry("GET " + EVENTS + "/events", List.of()),
            Map.entry("GET " + EVENTS + "/subscriptions", List.of()),
            Map.entry("POST " + EVENTS + "/subscriptions", List.of()),
            Map.entry("GET " + EVENTS + "/subscriptions/{id}", List.of()),
            Map.entry("DELETE " + EVENTS + "/subscriptions/{id}", List.of()));

    private EndpointErrors() {
    }

    /** Whether the operation ({@code GET}, route pattern) has an entry, maybe empty; the endpoint tables' test asks. */
    public static boolean lists(String method, String routePattern) {
        return BY_OPERATION.containsKey(method + " " + routePattern);
    }

    /** The errors the operation documents; none for an operation without an entry. */
    public static List<BrokerError> of(String method, String routePattern) {
        return BY_OPERATION.getOrDefault(method + " " + routePattern, List.of());
    }

    /** Every operation with an entry, as {@code "METHOD /route/pattern"}. */
    public static java.util.Set<String> operations() {
        return BY_OPERATION.keySet();
    }
}
