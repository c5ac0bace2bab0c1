package io.cityfin.capitalmarket.enterprise.web;

import java.time.Clock;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.cityfin.capitalmarket.api.EnterpriseApi;
import io.cityfin.capitalmarket.api.model.EnterpriseContentDto;
import io.cityfin.capitalmarket.api.model.EnterpriseDto;
import io.cityfin.capitalmarket.api.model.EnterprisePageDto;
import io.cityfin.capitalmarket.api.model.PipelineContentDto;
import io.cityfin.capitalmarket.api.model.PipelineDto;
import io.cityfin.capitalmarket.enterprise.Board;
import io.cityfin.capitalmarket.enterprise.Enterprise;
import io.cityfin.capitalmarket.enterprise.Pipeline;
import io.cityfin.common.http.IfMatch;
import io.cityfin.common.period.CityClock;
import io.cityfin.common.problem.InvalidParameterException;
import io.cityfin.common.region.Region;
import io.cityfin.common.uscc.Uscc;
import io.cityfin.reporting.record.RecordQuery;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.RecordStatus;
import io.cityfin.reporting.record.Ref;
import io.cityfin.reporting.record.StoredRecord;
import io.cityfin.reporting.record.Written;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
class EnterpriseController implements EnterpriseApi {

    private final RecordService<Enterprise> enterprises;
    private final RecordService<Pipeline> pipelines;
    private final Clock clock;

    EnterpriseController(RecordService<Enterprise> enterprises, RecordService<Pipeline> pipelines, Clock clock) {
        this.enterprises = enterprises;
        this.pipelines = pipelines;
        this.clock = clock;
    }

    @Override
    public Mono<ResponseEntity<EnterpriseDto>> putEnterprise(String uscc, Mono<EnterpriseContentDto> body, @Nullable String ifMatch,
                                                            ServerWebExchange exchange) {
        String key = checked(uscc);
        IfMatch precondition = IfMatch.parse(ifMatch);
        return body.flatMap(dto -> enterprises.put(key, EnterpriseWebMapper.enterprise(dto), dto.getStatus(), precondition))
                .map(written -> answer(written, EnterpriseWebMapper.dto(written.record(), CityClock.today(clock))));
    }

    @Override
    public Mono<ResponseEntity<EnterpriseDto>> getEnterprise(String uscc, ServerWebExchange exchange) {
        return enterprises.latest(checked(uscc)).map(record -> ResponseEntity.ok().eTag(IfMatch.etag(record.version()))
                .body(EnterpriseWebMapper.dto(record, CityClock.today(clock))));
    }

    @Override
    public Mono<ResponseEntity<Flux<EnterpriseDto>>> listEnterpriseVersions(String uscc, ServerWebExchange exchange) {
        // Collected before the answer starts, so that a 403 or 404 is a problem, not a broken 200.
        return enterprises.versions(checked(uscc)).map(record -> EnterpriseWebMapper.dto(record, CityClock.today(clock))).collectList()
                .map(versions -> ResponseEntity.ok(Flux.fromIterable(versions)));
    }

    @Override
    public Mono<ResponseEntity<EnterprisePageDto>> listEnterprises(@Nullable String region, @Nullable String board, @Nullable String status,
                                                                  @Nullable Integer offset, @Nullable Integer limit,
                                                                  ServerWebExchange exchange) {
        RecordQuery query = RecordQuery.all().region(region(region)).status(status(status))
                .page(offset == null ? 0 : offset, limit == null ? RecordQuery.DEFAULT_LIMIT : limit);
        if (board != null) {
            query = query.whereAny("listings", Map.of("board", board(board)));
        }
        return enterprises.page(query).map(page -> ResponseEntity.ok(new EnterprisePageDto()
                .items(page.items().stream().map(record -> EnterpriseWebMapper.dto(record, CityClock.today(clock))).toList())
                .offset(page.offset()).limit(page.limit()).total(page.total())));
    }

    @Override
    public Mono<ResponseEntity<PipelineDto>> putPipeline(String uscc, Mono<PipelineContentDto> body, @Nullable String ifMatch,
                                                        ServerWebExchange exchange) {
        String key = checked(uscc);
        IfMatch precondition = IfMatch.parse(ifMatch);
        return body.flatMap(dto -> pipelines.put(key, Ref.key(key), EnterpriseWebMapper.pipeline(dto), dto.getStatus(), precondition))
                .map(written -> answer(written, EnterpriseWebMapper.dto(written.record())));
    }

    @Override
    public Mono<ResponseEntity<PipelineDto>> getPipeline(String uscc, ServerWebExchange exchange) {
        return pipelines.latest(checked(uscc))
                .map(record -> ResponseEntity.ok().eTag(IfMatch.etag(record.version())).body(EnterpriseWebMapper.dto(record)));
    }

    @Override
    public Mono<ResponseEntity<Flux<PipelineDto>>> listPipelineVersions(String uscc, ServerWebExchange exchange) {
        return pipelines.versions(checked(uscc)).map(EnterpriseWebMapper::dto).collectList()
                .map(versions -> ResponseEntity.ok(Flux.fromIterable(versions)));
    }

    private static <T, D> ResponseEntity<D> answer(Written<T> written, D dto) {
        StoredRecord<T> record = written.record();
        return ResponseEntity.status(written.created() ? HttpStatus.CREATED : HttpStatus.OK).eTag(IfMatch.etag(record.version())).body(dto);
    }

    private static String checked(String uscc) {
        if (!Uscc.isValid(uscc)) {
            throw new InvalidParameterException("uscc", Uscc.INVALID_USCC, Uscc.RULE);
        }
        return uscc;
    }

    /** The region filter: a county-level code, or none for 361000 and for no parameter. */
    private static @Nullable String region(@Nullable String code) {
        if (code == null) {
            return null;
        }
        Region region = Region.ofCode(code).orElseThrow(() -> new InvalidParameterException("region", Region.UNKNOWN_REGION,
                "'" + code + "' is not a region of the city."));
        return region.isCity() ? null : region.code();
    }

    private static String board(String code) {
        return Board.ofCode(code).map(Board::name).orElseThrow(() -> new InvalidParameterException("board", "UNKNOWN_BOARD",
                "A board is one of MAIN_BOARD_SH, STAR, MAIN_BOARD_SZ, CHINEXT, BSE, OVERSEAS, NEEQ, REGIONAL_EQUITY."));
    }

    private static @Nullable RecordStatus status(@Nullable String status) {
        if (status == null) {
            return null;
        }
        for (RecordStatus candidate : RecordStatus.values()) {
            if (candidate.name().equals(status)) {
                return candidate;
            }
        }
        throw new InvalidParameterException("status", "UNKNOWN_STATUS", "A status is ACTIVE or WITHDRAWN.");
    }
}
