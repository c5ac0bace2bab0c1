package io.cityfin.platform.financing.web;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.cityfin.common.problem.InvalidParameterException;
import io.cityfin.common.uscc.Uscc;
import io.cityfin.platform.api.PlatformFinancingApiRecords;
import io.cityfin.platform.api.model.PlatformFinancingContentDto;
import io.cityfin.platform.api.model.PlatformFinancingDto;
import io.cityfin.platform.api.model.PlatformFinancingWarningDto;
import io.cityfin.platform.financing.PlatformFinancing;
import io.cityfin.platform.financing.PlatformFinancingType;
import io.cityfin.platform.financing.PlatformRegions;
import io.cityfin.reporting.record.RecordApi;
import io.cityfin.reporting.record.RecordDto;
import io.cityfin.reporting.record.RecordEndpoints;
import io.cityfin.reporting.record.RecordQuery;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.StoredRecord;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
class PlatformFinancingController implements PlatformFinancingApiRecords {

    private final RecordEndpoints<PlatformFinancing, PlatformFinancingDto> financing;
    private final PlatformRegions regions;
    private final RecordApi<PlatformFinancingContentDto, PlatformFinancingDto> financingApi;

    PlatformFinancingController(RecordService<PlatformFinancing> financing, PlatformRegions regions) {
        this.financing = RecordEndpoints.of(financing, PlatformFinancingController::dto);
        this.regions = regions;
        this.financingApi = this.financing.taking(PlatformFinancingController::content, PlatformFinancingContentDto::getStatus);
    }

    @Override
    public RecordApi<PlatformFinancingContentDto, PlatformFinancingDto> financing() {
        return financingApi;
    }

    @Override
    public Mono<ResponseEntity<Flux<PlatformFinancingDto>>> listPlatformFinancing(@Nullable Integer year, @Nullable String instrument,
                                                                                   @Nullable String platform, @Nullable String region,
                                                                                   Integer offset, Integer limit, ServerWebExchange exchange) {
        RecordQuery query = RecordQuery.all().orderBy("issuedOn").page(offset, limit);
        if (year != null) {
            query = query.dated("issuedOn", LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        }
        if (instrument != null) {
            if (!PlatformFinancingType.INSTRUMENTS.contains(instrument)) {
                throw new InvalidParameterException("instrument", PlatformFinancingType.UNKNOWN_INSTRUMENT,
                        "An instrument is BANK_LOAN, TRUST, FINANCIAL_LEASING or OTHER_NON_STANDARD.");
            }
            query = query.where("instrument", instrument);
        }
        if (platform != null) {
            if (!Uscc.isValid(platform)) {
                throw new InvalidParameterException("platform", Uscc.INVALID_USCC, Uscc.RULE);
            }
            query = query.where("platform", platform);
        }
        String county = RecordEndpoints.regionFilter("region", region);
        if (county == null) {
            return financing.page(query);
        }
        RecordQuery filtered = query;
        return regions.platformsIn(county).flatMap(platforms -> financing.page(filtered.whereIn("platform", platforms)));
    }

    private static PlatformFinancing content(PlatformFinancingContentDto dto) {
        return new PlatformFinancing(dto.getPlatform(), dto.getInstrument(), dto.getSecurityCode(), dto.getAmount(), dto.getIssuedOn(),
                dto.getMaturityOn(), dto.getCouponPct());
    }

    private static PlatformFinancingDto dto(StoredRecord<PlatformFinancing> record) {
        PlatformFinancing content = record.content();
        return RecordDto.envelope(new PlatformFinancingDto(), record, PlatformFinancingWarningDto::new)
                .platform(content.platform())
                .instrument(content.instrument())
                .securityCode(content.securityCode())
                .amount(content.amount())
                .issuedOn(content.issuedOn())
                .maturityOn(content.maturityOn())
                .couponPct(content.couponPct());
    }
}
