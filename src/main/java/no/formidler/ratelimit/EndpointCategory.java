package no.formidler.ratelimit;

/** Which limit an endpoint falls under, by its route pattern. */
enum EndpointCategory {
    SEARCH, DETAILS, OTHER;

    private static final String TRANSFERS = "/broker/api/v1/filetransfer";

    static EndpointCategory of(String method, String routePattern) {
        if ("GET".equals(method) && TRANSFERS.equals(routePattern)) {
            return SEARCH;
        }
        if ("GET".equals(method) && (TRANSFERS + "/{fileTransferId}/details").equals(routePattern)) {
            return DETAILS;
        }
        return OTHER;
    }
}
