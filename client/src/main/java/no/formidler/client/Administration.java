package no.formidler.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Service owner and resource administration (scope {@code altinn:serviceowner}): registration, resource settings, and
 * Formidler's extensions for access rules and access lists. Every call here is idempotent, so it is retried.
 */
public final class Administration {
    private static final String RESOURCES = "/broker/api/v1/resource/";
    private final BrokerHttp http;

    Administration(BrokerHttp http) {
        this.http = http;
    }

    public void registerServiceOwner(String name) {
        http.discard(() -> http.request("/broker/api/v1/serviceowner").header("Content-Type", "application/json")
                .POST(BrokerHttp.jsonBody(Map.of("name", name))).build(), BrokerHttp.Safety.SAFE);
    }

    public ServiceOwner serviceOwner() {
        return http.json(() -> http.request("/broker/api/v1/serviceowner").GET().build(), BrokerHttp.Safety.SAFE,
                ServiceOwner.class);
    }

    public void putResource(String resourceId, ResourceSettings settings) {
        put(path(resourceId, ""), settings);
    }

    public ResourceSettings resource(String resourceId) {
        return get(path(resourceId, ""), ResourceSettings.class);
    }

    public void putPolicy(String resourceId, AccessPolicy policy) {
        put(path(resourceId, "/policy"), policy);
    }

    public AccessPolicy policy(String resourceId) {
        return get(path(resourceId, "/policy"), AccessPolicy.class);
    }

    public void putAccessList(String resourceId, AccessList list) {
        put(path(resourceId, "/accesslist"), list);
    }

    public AccessList accessList(String resourceId) {
        return get(path(resourceId, "/accesslist"), AccessList.class);
    }

    private static String path(String resourceId, String tail) {
        return RESOURCES + URLEncoder.encode(resourceId, StandardCharsets.UTF_8) + tail;
    }

    private void put(String path, Object body) {
        http.discard(() -> http.request(path).header("Content-Type", "application/json").PUT(BrokerHttp.jsonBody(body)).build(),
                BrokerHttp.Safety.SAFE);
    }

    private <T> T get(String path, Class<T> type) {
        return http.json(() -> http.request(path).GET().build(), BrokerHttp.Safety.SAFE, type);
    }
}
