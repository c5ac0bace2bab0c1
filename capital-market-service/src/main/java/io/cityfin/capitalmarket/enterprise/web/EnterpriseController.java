package io.cityfin.capitalmarket.enterprise.web;

import java.time.Clock;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.cityfin.capitalmarket.api.EnterpriseApiRecords;
import io.cityfin.capitalmarket.api.model.EnterpriseContentDto;
import io.cityfin.capitalmarket.api.model.EnterpriseDto;
import io.cityfin.capitalmarket.api.model.PipelineContentDto;
import io.cityfin.capitalmarket.api.model.PipelineDto;
import io.cityfin.capitalmarket.enterprise.Board;
import io.cityfin.capitalmarket.enterprise.Enterprise;
import io.cityfin.capitalmarket.enterprise.Pipeline;
import io.cityfin.common.period.CityClock;
import io.cityfin.common.problem.InvalidParameterException;
import io.cityfin.common.uscc.Uscc;
import io.cityfin.reporting.record.RecordEndpoints;
import io.cityfin.reporting.record.RecordQuery;
import io.cityfin.reporting.record.RecordReads;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.Ref;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
class EnterpriseController implements EnterpriseApiRecords {

    private final RecordEndpoints<Enterprise, EnterpriseDto> enterpriseEndpoints;
    private final RecordEndpoints<Pipeline, PipelineDto> pipelineEndpoints;

    EnterpriseController(RecordService<Enterprise> enterprises, RecordService<Pipeline> pipelines, Clock clock) {
        // an enterprise is answered with the board it is listed on today (Asia/Shanghai)
        this.enterpriseEndpoints = RecordEndpoints.of(enterprises, record -> EnterpriseWebMapper.dto(record, CityClock.today(clock)));
        this.pipelineEndpoints = RecordEndpoints.of(pipelines, EnterpriseWebMapper::dto);
    }

    @Override
    public RecordReads<EnterpriseDto> enterprises() {
        return enterpriseEndpoints.byKey(EnterpriseController::checked);
    }

    @Override
    public RecordReads<PipelineDto> pipelines() {
        return pipelineEndpoints.byKey(EnterpriseController::checked);
    }

    @Override
    public Mono<ResponseEntity<EnterpriseDto>> putEnterprise(String uscc, Mono<EnterpriseContentDto> body, @Nullable String ifMatch,
                                                            ServerWebExchange exchange) {
        return enterpriseEndpoints.put(checked(uscc), null, body, ifMatch, EnterpriseWebMapper::enterprise, EnterpriseContentDto::getStatus);
    }

    @Override
    public Mono<ResponseEntity<Flux<EnterpriseDto>>> listEnterprises(@Nullable String region, @Nullable String board, @Nullable String status,
                                                                   @Nullable Integer offset, @Nullable Integer limit,
                                                                   ServerWebExchange exchange) {
        RecordQuery query = RecordQuery.all().region(RecordEndpoints.regionFilter("region", region))
                .status(RecordEndpoints.statusFilter("status", status))
                .page(offset == null ? 0 : offset, limit == null ? RecordQuery.DEFAULT_LIMIT : limit);
        if (board != null) {
            query = query.whereAny("listings", Map.of("board", board(board)));
        }
        return enterpriseEndpoints.page(query);
    }

    @Override
    public Mono<ResponseEntity<PipelineDto>> putPipeline(String uscc, Mono<PipelineContentDto> body, @Nullable String ifMatch,
                                                        ServerWebExchange exchange) {
        String key = checked(uscc);
        return pipelineEndpoints.put(key, Ref.key(key), body, ifMatch, EnterpriseWebMapper::pipeline, PipelineContentDto::getStatus);
    }

    private static String checked(String uscc) {
        if (!Uscc.isValid(uscc)) {
            throw new InvalidParameterException("uscc", Uscc.INVALID_USCC, Uscc.RULE);
        }
        return uscc;
    }

    private static String board(String code) {
        return Board.ofCode(code).map(Board::name).orElseThrow(() -> new InvalidParameterException("board", "UNKNOWN_BOARD",
                "A board is one of MAIN_BOARD_SH, STAR, MAIN_BOARD_SZ, CHINEXT, BSE, OVERSEAS, NEEQ, REGIONAL_EQUITY."));
    }
}
