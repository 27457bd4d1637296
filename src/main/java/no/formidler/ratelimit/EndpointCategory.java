package no.formidler.ratelimit;

/** Which limit an endpoint falls under, by its route pattern. */
public enum EndpointCategory {
    SEARCH, DETAILS, OTHER;

    private static final String TRANSFERS = "/broker/api/v1/filetransfer";
    private static final String TUS = TRANSFERS + "/upload/tus";
    private static final String DETAILS_ROUTE = TRANSFERS + "/{fileTransferId}/details";
    private static final String AUDIT_ROUTE = TRANSFERS + "/{fileTransferId}/audit";

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
        if ("GET".equals(method) && (DETAILS_ROUTE.equals(routePattern) || AUDIT_ROUTE.equals(routePattern))) {
            return DETAILS;
        }
        return OTHER;
    }

    /** The routes this rule names (the endpoint tables' test checks that each is mapped). */
    public static java.util.List<String> namedRoutes() {
        return java.util.List.of(TRANSFERS, TUS, DETAILS_ROUTE, AUDIT_ROUTE);
    }
}
