package io.cityfin.gateway.identity.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.cityfin.gateway.api.ApiKeyApi;
import io.cityfin.gateway.api.model.ApiKeyDto;
import io.cityfin.gateway.api.model.IssuedApiKeyDto;
import io.cityfin.gateway.api.model.NewApiKeyDto;
import io.cityfin.gateway.identity.ApiKey;
import io.cityfin.gateway.identity.ApiKeyService;
import io.cityfin.gateway.identity.IssuedApiKey;
import io.cityfin.gateway.identity.NewApiKey;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** ADMIN only: the security chain refuses every other role before this is reached. */
@RestController
class ApiKeyController implements ApiKeyApi {

    private final ApiKeyService keys;

    ApiKeyController(ApiKeyService keys) {
        this.keys = keys;
    }

    @Override
    public Mono<ResponseEntity<IssuedApiKeyDto>> issueApiKey(Mono<NewApiKeyDto> body, ServerWebExchange exchange) {
        return body
                .map(dto -> new NewApiKey(dto.getLabel(), dto.getRoles() == null ? List.of() : dto.getRoles(), dto.getInstitutionCode()))
                .flatMap(keys::issue)
                .map(issued -> ResponseEntity.status(HttpStatus.CREATED).body(toDto(issued)));
    }

    @Override
    public Mono<ResponseEntity<Flux<ApiKeyDto>>> listApiKeys(ServerWebExchange exchange) {
        return Mono.just(ResponseEntity.ok(keys.list().map(ApiKeyController::toDto)));
    }

    @Override
    public Mono<ResponseEntity<Void>> revokeApiKey(UUID id, ServerWebExchange exchange) {
        return keys.revoke(id).thenReturn(ResponseEntity.noContent().build());
    }

    private static IssuedApiKeyDto toDto(IssuedApiKey issued) {
        ApiKey key = issued.key();
        return new IssuedApiKeyDto()
                .id(key.id())
                .key(issued.secret())
                .label(key.label())
                .roles(roles(key))
                .institutionCode(key.institutionCode())
                .createdAt(key.createdAt());
    }

    private static ApiKeyDto toDto(ApiKey key) {
        return new ApiKeyDto()
                .id(key.id())
                .prefix(key.prefix())
                .label(key.label())
                .roles(roles(key))
                .institutionCode(key.institutionCode())
                .createdAt(key.createdAt())
                .revokedAt(key.revokedAt())
                .lastUsedAt(key.lastUsedAt());
    }

    private static List<String> roles(ApiKey key) {
        return key.roles().stream().map(Enum::name).sorted().toList();
    }
}
