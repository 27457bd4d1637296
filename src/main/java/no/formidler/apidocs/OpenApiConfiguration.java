package no.formidler.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import no.formidler.auth.Caller;
import no.formidler.error.BrokerError;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at /v3/api-docs (UI at /swagger): the reference's schema names, bearer tokens, and for every
 * operation the broker errors it may answer with, as problem details. Formidler's own endpoints carry
 * {@code x-formidler-extension: true}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {
    static final String EXTENSION = "x-formidler-extension";
    /** Our record names → the reference's schema names, so generated clients keep their types. */
    static final Map<String, String> REFERENCE_SCHEMA_NAMES = Map.of(
            "InitializeRequest", "FileTransferInitalizeExt",
            "Overview", "FileTransferOverviewExt",
            "Details", "FileTransferStatusDetailsExt",
            "ResourceSettingsChange", "ResourceExt",
            "Registration", "ServiceOwnerInitializeExt");
    /**
     * Operations of the reference's API (docs/compatibility.md §1); every other documented operation is an extension.
     */
    private static final Set<String> REFERENCE_OPERATIONS = Set.of(
            "POST /broker/api/v1/filetransfer", "POST /broker/api/v1/filetransfer/{fileTransferId}/upload",
            "POST /broker/api/v1/filetransfer/upload", "GET /broker/api/v1/filetransfer/{fileTransferId}",
            "GET /broker/api/v1/filetransfer/{fileTransferId}/details", "GET /broker/api/v1/filetransfer",
            "GET /broker/api/v1/filetransfer/{fileTransferId}/download",
            "POST /broker/api/v1/filetransfer/{fileTransferId}/confirmdownload",
            "PUT /broker/api/v1/resource/{resourceId}", "GET /broker/api/v1/resource/{resourceId}",
            "POST /broker/api/v1/serviceowner", "GET /broker/api/v1/serviceowner",
            "GET /broker/api/v1/statistics/monthly",
            "POST /broker/api/v1/statistics/generate-daily-summary",
            "POST /broker/api/v1/statistics/generate-and-download-daily-summary",
            "POST /broker/api/v1/maintenance/cleanup-usecasetests",
            "POST /broker/api/v1/maintenance/maskinporten-jwk-rotation",
            "POST /broker/api/v1/webhooks/malwarescanresults");
    private static final String TUS = "/broker/api/v1/filetransfer/upload/tus";

    static {
        // The caller comes from the token, not from the request parameters.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenApiCustomizer brokerDocumentation() {
        return openApi -> {
            openApi.info(new Info().title("Formidler broker API").version("v1")
                    .description("Wire-compatible with the Altinn 3 Broker REST API. Errors are problem details with "
                            + "`code` (BRO-nnnnn) and `traceId`. Extensions are marked " + EXTENSION + "."));
            openApi.servers(null);
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.components(components.addSecuritySchemes("bearer",
                    new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
            renameSchemas(openApi);
            openApi.getPaths().forEach((path, item) -> {
                item.readOperationsMap().forEach((method, operation) -> document(path, method, operation));
            });
            openApi.getPaths().remove("/health");
        };
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        operation.addSecurityItem(new SecurityRequirement().addList("bearer"));
        if (!REFERENCE_OPERATIONS.contains(method.name() + " " + path) && !path.startsWith(TUS)) {
            operation.addExtension(EXTENSION, true);
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        Map<Integer, List<BrokerError>> byStatus = new TreeMap<>(EndpointErrors.BY_OPERATION
                .getOrDefault(method.name() + " " + path, List.of()).stream()
                .collect(Collectors.groupingBy(BrokerError::status)));
        byStatus.putIfAbsent(401, List.of());
        byStatus.forEach((status, errors) -> responses.addApiResponse(status.toString(), problem(status, errors)));
        responses.addApiResponse("403", problem(403, List.of()).description(errorsOr(403, List.of(),
                "The token does not carry the scope this operation requires.")));
        responses.addApiResponse("429", problem(429, List.of()));
        operation.setResponses(responses);
    }

    private static ApiResponse problem(int status, List<BrokerError> errors) {
        String fallback = switch (status) {
            case 401 -> "A valid bearer token is required.";
            case 429 -> "Rate limit exceeded (Formidler extension); see Retry-After.";
            default -> "Error";
        };
        return new ApiResponse().description(errorsOr(status, errors, fallback))
                .content(new Content().addMediaType("application/problem+json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail"))));
    }

    private static String errorsOr(int status, List<BrokerError> errors, String fallback) {
        String listed = errors.stream().map(e -> e.code() + ": " + e.message()).collect(Collectors.joining("\n\n"));
        if (status == 401) {
            return fallback + (listed.isEmpty() ? "" : "\n\n" + listed);
        }
        return listed.isEmpty() ? fallback : listed;
    }

    private static void renameSchemas(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        REFERENCE_SCHEMA_NAMES.forEach((ours, theirs) -> {
            Schema<?> schema = schemas.remove(ours);
            if (schema != null) {
                schemas.put(theirs, schema);
            }
        });
        schemas.put("ProblemDetail", problemSchema());
        schemas.values().forEach(OpenApiConfiguration::renameRefs);
        openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            if (operation.getRequestBody() != null) {
                renameRefs(operation.getRequestBody().getContent());
            }
            if (operation.getResponses() != null) {
                operation.getResponses().values().forEach(response -> renameRefs(response.getContent()));
            }
        }));
    }

    private static void renameRefs(Content content) {
        if (content != null) {
            content.values().forEach(media -> renameRefs(media.getSchema()));
        }
    }

    private static void renameRefs(Schema<?> schema) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            if (REFERENCE_SCHEMA_NAMES.containsKey(name)) {
                schema.$ref("#/components/schemas/" + REFERENCE_SCHEMA_NAMES.get(name));
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(OpenApiConfiguration::renameRefs);
        }
        renameRefs(schema.getItems());
        if (schema.getAdditionalProperties() instanceof Schema<?> additional) {
            renameRefs(additional);
        }
        for (List<Schema> composed : new List[]{schema.getAllOf(), schema.getOneOf(), schema.getAnyOf()}) {
            if (composed != null) {
                composed.forEach(OpenApiConfiguration::renameRefs);
            }
        }
    }

    private static Schema<?> problemSchema() {
        Schema<Object> problem = new Schema<>().type("object");
        problem.addProperty("type", new Schema<>().type("string"));
        problem.addProperty("title", new Schema<>().type("string"));
        problem.addProperty("status", new Schema<>().type("integer"));
        problem.addProperty("detail", new Schema<>().type("string"));
        problem.addProperty("code", new Schema<>().type("string").description("BRO-nnnnn"));
        problem.addProperty("traceId", new Schema<>().type("string"));
        problem.addProperty("errors", new Schema<>().type("object").description("validation errors by field"));
        return problem;
    }
}
