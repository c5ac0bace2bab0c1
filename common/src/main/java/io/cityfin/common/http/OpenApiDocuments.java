package io.cityfin.common.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import io.cityfin.common.problem.NotFoundException;

/**
 * Serves every OpenAPI document an app ships under {@code classpath*:openapi/} at {@code /openapi/{file}}, and
 * their list at {@code /openapi/}, without a token: partners read the contracts before they have a key.
 */
public final class OpenApiDocuments {

    private static final MediaType YAML = MediaType.parseMediaType("application/yaml;charset=UTF-8");

    private final Map<String, Resource> documents;

    public OpenApiDocuments(Map<String, Resource> documents) {
        this.documents = new TreeMap<>(documents);
    }

    /** Every {@code openapi/*.yaml} on the classpath, across all jars. */
    public static OpenApiDocuments fromClasspath(ClassLoader classLoader) {
        try {
            Map<String, Resource> found = new TreeMap<>();
            for (Resource resource : new PathMatchingResourcePatternResolver(classLoader).getResources("classpath*:openapi/*.yaml")) {
                found.putIfAbsent(resource.getFilename(), resource);
            }
            return new OpenApiDocuments(found);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public java.util.Set<String> names() {
        return documents.keySet();
    }

    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .GET("/openapi/", request -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("documents", documents.keySet().stream().map(name -> "/openapi/" + name).toList())))
                .GET("/openapi/{file}", request -> {
                    Resource document = documents.get(request.pathVariable("file"));
                    if (document == null) {
                        throw new NotFoundException("No OpenAPI document named '" + request.pathVariable("file") + "'.");
                    }
                    return ServerResponse.ok().contentType(YAML).bodyValue(document);
                })
                .build();
    }
}
