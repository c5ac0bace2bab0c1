package io.cityfin.risk.publicity.web;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.cityfin.common.problem.InvalidParameterException;
import io.cityfin.common.region.Region;
import io.cityfin.reporting.record.RecordApi;
import io.cityfin.reporting.record.RecordDto;
import io.cityfin.reporting.record.RecordEndpoints;
import io.cityfin.reporting.record.RecordQuery;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.StoredRecord;
import io.cityfin.risk.api.PublicityApiRecords;
import io.cityfin.risk.api.model.CasesWarningDto;
import io.cityfin.risk.api.model.PublicityContentDto;
import io.cityfin.risk.api.model.PublicityDto;
import io.cityfin.risk.publicity.Publicity;
import io.cityfin.risk.publicity.PublicityType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
class PublicityController implements PublicityApiRecords {

    private final RecordEndpoints<Publicity, PublicityDto> publicity;
    private final RecordApi<PublicityContentDto, PublicityDto> publicityApi;

    PublicityController(RecordService<Publicity> publicity) {
        this.publicity = RecordEndpoints.of(publicity, PublicityController::dto);
        this.publicityApi = this.publicity.taking(PublicityController::content, PublicityContentDto::getStatus);
    }

    @Override
    public RecordApi<PublicityContentDto, PublicityDto> publicity() {
        return publicityApi;
    }

    /** {@code region=361000} lists the city-wide records (those filed under 361000), not every record. */
    @Override
    public Mono<ResponseEntity<Flux<PublicityDto>>> listPublicity(@Nullable Integer year, @Nullable String kind, @Nullable String setting,
                                                                  @Nullable String region, Integer offset, Integer limit,
                                                                  ServerWebExchange exchange) {
        RecordQuery query = RecordQuery.all().orderBy("heldOn").page(offset, limit);
        if (year != null) {
            query = query.dated("heldOn", LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        }
        if (kind != null) {
            if (!PublicityType.KINDS.contains(kind)) {
                throw new InvalidParameterException("kind", PublicityType.UNKNOWN_KIND, "A kind is EVENT, SMS_BATCH or MEDIA.");
            }
            query = query.where("kind", kind);
        }
        if (setting != null) {
            if (!PublicityType.SETTINGS.contains(setting)) {
                throw new InvalidParameterException("setting", PublicityType.UNKNOWN_SETTING,
                        "A setting is RURAL, COMMUNITY, GOVERNMENT, ENTERPRISE, CAMPUS, ONLINE or HOUSEHOLD.");
            }
            query = query.where("setting", setting);
        }
        if (region != null) {
            String county = RecordEndpoints.regionFilter("region", region);
            query = query.region(county == null ? Region.CITY.code() : county);
        }
        return publicity.page(query);
    }

    private static Publicity content(PublicityContentDto dto) {
        return new Publicity(dto.getKind(), dto.getSetting(), dto.getHeldOn(), dto.getRegion(), dto.getPersonsReached(),
                dto.getMaterialsDistributed(), dto.getSmsSent());
    }

    private static PublicityDto dto(StoredRecord<Publicity> record) {
        Publicity content = record.content();
        return RecordDto.envelope(new PublicityDto(), record, CasesWarningDto::new)
                .kind(content.kind())
                .setting(content.setting())
                .heldOn(content.heldOn())
                .region(content.region())
                .personsReached(content.personsReached())
                .materialsDistributed(content.materialsDistributed())
                .smsSent(content.smsSent());
    }
}
