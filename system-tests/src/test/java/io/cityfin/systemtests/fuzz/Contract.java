package io.cityfin.systemtests.fuzz;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.atlassian.oai.validator.OpenApiInteractionValidator;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * One published OpenAPI document, read with swagger-parser (every {@code $ref} resolved, across files too), as the
 * operations a client can call and the validator that checks their answers.
 *
 * @param service the app that serves it, for the report ({@code credit}, {@code gateway})
 */
public record Contract(String service, String location, OpenAPI api, List<Endpoint> endpoints,
        OpenApiInteractionValidator validator) {

    /**
     * One operation as a client calls it.
     *
     * @param path the full path template, the document's server path included ({@code /api/v1/credit/reports/{institutionCode}/{period}})
     * @param parameters the path item's and the operation's, resolved
     * @param body the JSON request body's schema, or {@code null}
     */
    public record Endpoint(String service, String method, String path, Operation operation, List<Parameter> parameters,
            Schema<?> body, boolean bodyRequired) {

        public String id() {
            return service + " " + operation.getOperationId();
        }

        public boolean isWrite() {
            return !method.equals("GET");
        }

        @Override
        public String toString() {
            return id() + " (" + method + " " + path + ")";
        }
    }

    /**
     * Reads the document at {@code location} (a URL or a file path) and keeps the operations whose path (before the
     * server's prefix) {@code paths} accepts.
     *
     * @throws IllegalStateException with swagger-parser's messages if the document does not read
     */
    public static Contract load(String service, String location, Predicate<String> paths) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readLocation(location, null, options);
        OpenAPI api = result.getOpenAPI();
        if (api == null || api.getPaths() == null) {
            throw new IllegalStateException("OpenAPI document " + location + " does not read: " + result.getMessages());
        }
        String prefix = serverPath(api);
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            if (!paths.test(path.getKey())) {
                continue;
            }
            PathItem item = path.getValue();
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.readOperationsMap().entrySet()) {
                Operation operation = entry.getValue();
                List<Parameter> parameters = new ArrayList<>();
                if (item.getParameters() != null) {
                    parameters.addAll(item.getParameters());
                }
                if (operation.getParameters() != null) {
                    parameters.addAll(operation.getParameters());
                }
                Schema<?> body = null;
                boolean required = false;
                if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                    MediaType json = operation.getRequestBody().getContent().get("application/json");
                    body = json == null ? null : json.getSchema();
                    required = Boolean.TRUE.equals(operation.getRequestBody().getRequired());
                }
                endpoints.add(new Endpoint(service, entry.getKey().name(), prefix + path.getKey(), operation,
                        List.copyOf(parameters), body, required));
            }
        }
        OpenApiInteractionValidator validator = OpenApiInteractionValidator.createFor(api).build();
        return new Contract(service, location, api, List.copyOf(endpoints), validator);
    }

    /** The path of the document's first server ({@code /api/v1/credit}), without a trailing slash; "" for {@code /}. */
    static String serverPath(OpenAPI api) {
        if (api.getServers() == null || api.getServers().isEmpty()) {
            return "";
        }
        // swagger-parser makes a relative server URL absolute against the document's URL
        String path = URI.create(api.getServers().get(0).getUrl()).getPath();
        return path == null || path.equals("/") ? "" : path.replaceFirst("/$", "");
    }
}
