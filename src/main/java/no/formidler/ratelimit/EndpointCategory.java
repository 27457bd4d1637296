package no.formidler.ratelimit;

/** Which limit an endpoint falls under, by its route pattern. */
enum EndpointCategory {
    SEARCH, DETAILS, OTHER;

    private static final String TRANSFERS = "/broker/api/v1/filetransfer";
    private static final String TUS = TRANSFERS + "/upload/tus";

    /**
     * Whether requests to the route count at all. TUS requests do not: one upload is many PATCH requests, and the
     * reference's gateway limits only the REST endpoints (docs/operations.md, Rate limits).
     */
    static boolean limited(String routePattern) {
        return routePattern.startsWith("/broker/api/v1/") && !routePattern.startsWith(TUS);
    }

    static EndpointCategory of(String method, String routePattern) {
        if ("GET".equals(method) && TRANSFERS.equals(routePattern)) {
            return SEARCH;
        }
        // A transfer's audit rebuilds the audit log's Merkle tree: it counts as heavy as the details.
        if ("GET".equals(method) && ((TRANSFERS + "/{fileTransferId}/details").equals(routePattern)
                || (TRANSFERS + "/{fileTransferId}/audit").equals(routePattern))) {
            return DETAILS;
        }
        return OTHER;
    }
}
