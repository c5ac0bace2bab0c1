package io.cityfin.reporting.catalogue.web;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.cityfin.common.identity.Access;
import io.cityfin.common.identity.AccessRule;
import io.cityfin.reporting.api.CatalogueApi;
import io.cityfin.reporting.api.model.CatalogueDto;
import io.cityfin.reporting.api.model.CatalogueItemDto;
import io.cityfin.reporting.api.model.CatalogueSectionDto;
import io.cityfin.reporting.catalogue.Catalogue;
import reactor.core.publisher.Mono;

@RestController
class CatalogueController implements CatalogueApi {

    private final Catalogue catalogue;

    CatalogueController(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public Mono<ResponseEntity<CatalogueDto>> getCatalogue(ServerWebExchange exchange) {
        return Access.require(AccessRule.anyRole()).map(caller -> ResponseEntity.ok(new CatalogueDto()
                .service(catalogue.service())
                .items(catalogue.items().stream().map(item -> new CatalogueItemDto()
                        .code(item.code())
                        .nameZh(item.nameZh())
                        .nameEn(item.nameEn())
                        .unit(item.unit().name())
                        .kind(item.kind().name())
                        .tenDayAllowed(item.tenDay())
                        .cumulative(item.cumulative())).toList())
                .sections(catalogue.sections().stream().map(section -> new CatalogueSectionDto()
                        .name(section.name())
                        .institutionTypes(section.institutionTypes().stream().sorted().toList())
                        .items(section.items())).toList())));
    }
}
