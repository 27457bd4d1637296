package no.formidler.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import no.formidler.testsupport.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * /v3/api-docs against the reference's public surface (docs/compatibility.md §1: the endpoints documented in its
 * Swagger).
 */
class OpenApiDocumentationTest extends ApiTest {
    private static final List<String> REFERENCE_DOCUMENTED = List.of(
            "POST /broker/api/v1/filetransfer",
            "POST /broker/api/v1/filetransfer/{fileTransferId}/upload",
            "POST /broker/api/v1/filetransfer/upload",
            "GET /broker/api/v1/filetransfer/{fileTransferId}",
            "GET /broker/api/v1/filetransfer/{fileTransferId}/details",
            "GET /broker/api/v1/filetransfer",
            "GET /broker/api/v1/filetransfer/{fileTransferId}/download",
            "POST /broker/api/v1/filetransfer/{fileTransferId}/confirmdownload",
            "PUT /broker/api/v1/resource/{resourceId}",
            "GET /broker/api/v1/resource/{resourceId}",
            "POST /broker/api/v1/serviceowner",
            "GET /broker/api/v1/serviceowner",
            "GET /broker/api/v1/statistics/monthly");
    private static final List<String> FORMIDLER_EXTENSIONS = List.of(
            "GET /broker/api/v1/resource/{resourceId}/policy",
            "PUT /broker/api/v1/resource/{resourceId}/policy",
            "POST /broker/api/v1/filetransfer/{fileTransferId}/cancel");

    private JsonNode apiDocs() {
        var response = client.get("/v3/api-docs", null);
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private static List<String> operations(JsonNode docs) {
        List<String> operations = new ArrayList<>();
        for (String path : docs.get("paths").propertyNames()) {
            for (String method : docs.get("paths").get(path).propertyNames()) {
                operations.add(method.toUpperCase(Locale.ROOT) + " " + path);
            }
        }
        return operations;
    }

    private static JsonNode operation(JsonNode docs, String operation) {
        String[] parts = operation.split(" ", 2);
        return docs.get("paths").get(parts[1]).get(parts[0].toLowerCase(Locale.ROOT));
    }

    @Test
    void everyDocumentedReferenceEndpointIsListedAndNothingElseButMarkedExtensionsAndTus() {
        JsonNode docs = apiDocs();
        List<String> listed = operations(docs);

        assertThat(listed).containsAll(REFERENCE_DOCUMENTED);
        assertThat(listed).filteredOn(op -> !REFERENCE_DOCUMENTED.contains(op) && !op.contains("/upload/tus"))
                .allSatisfy(op -> assertThat(operation(docs, op).path("x-formidler-extension").asBoolean())
                        .as(op + " is marked as an extension").isTrue());
        assertThat(listed).containsAll(FORMIDLER_EXTENSIONS).doesNotContain("GET /health");
    }

    @Test
    void everyOperationDescribesItsErrorsAsProblemDetails() {
        JsonNode docs = apiDocs();
        for (String op : operations(docs)) {
            JsonNode responses = operation(docs, op).get("responses");
            assertThat(responses.has("401")).as(op).isTrue();
            assertThat(responses.get("401").get("content").has("application/problem+json")).as(op).isTrue();
        }
        JsonNode initialize = operation(docs, "POST /broker/api/v1/filetransfer").get("responses");
        assertThat(initialize.get("400").get("description").asString())
                .contains("BRO-00026: The resource requires the service owner party to be present as part of the transaction.");
        assertThat(initialize.get("503").get("description").asString()).contains("BRO-00021");
        JsonNode monthly = operation(docs, "GET /broker/api/v1/statistics/monthly").get("responses");
        assertThat(monthly.get("400").get("description").asString()).contains("BRO-06003", "BRO-06005", "BRO-00025");
    }

    @Test
    void schemasCarryTheReferenceNamesAndTheCallerIsNoParameter() {
        JsonNode docs = apiDocs();
        assertThat(docs.get("components").get("schemas").propertyNames()).contains("FileTransferInitalizeExt",
                "FileTransferOverviewExt", "FileTransferStatusDetailsExt", "ResourceExt", "ServiceOwnerInitializeExt");
        assertThat(docs.toString()).doesNotContain("\"name\":\"caller\"").doesNotContain("#/components/schemas/Overview\"");
        assertThat(docs.get("components").get("securitySchemes").has("bearer")).isTrue();
    }

    @Test
    void swaggerUiIsServed() {
        var ui = client.send(client.request("/swagger", null).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(ui.statusCode()).isIn(200, 302);
    }
}
