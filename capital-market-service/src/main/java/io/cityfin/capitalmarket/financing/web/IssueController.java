package io.cityfin.capitalmarket.financing.web;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.cityfin.capitalmarket.api.DirectFinancingApi;
import io.cityfin.capitalmarket.api.model.IssueContentDto;
import io.cityfin.capitalmarket.api.model.IssueDto;
import io.cityfin.capitalmarket.api.model.IssueIssuerDto;
import io.cityfin.capitalmarket.api.model.IssueWarningDto;
import io.cityfin.capitalmarket.financing.Issue;
import io.cityfin.capitalmarket.financing.IssueType;
import io.cityfin.common.http.IfMatch;
import io.cityfin.common.problem.InvalidParameterException;
import io.cityfin.common.region.Region;
import io.cityfin.reporting.record.RecordQuery;
import io.cityfin.reporting.record.RecordResponses;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.StoredRecord;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
class IssueController implements DirectFinancingApi {

    private final RecordService<Issue> issues;

    IssueController(RecordService<Issue> issues) {
        this.issues = issues;
    }

    @Override
    public Mono<ResponseEntity<IssueDto>> createIssue(Mono<IssueContentDto> body, @Nullable String idempotencyKey,
                                                      ServerWebExchange exchange) {
        return body.flatMap(dto -> issues.create(idempotencyKey, content(dto), dto.getStatus()))
                .map(written -> RecordResponses.written(written, IssueController::dto));
    }

    @Override
    public Mono<ResponseEntity<IssueDto>> putIssue(String id, Mono<IssueContentDto> body, @Nullable String ifMatch,
                                                   ServerWebExchange exchange) {
        var recordId = RecordService.id("id", id);
        IfMatch precondition = IfMatch.parse(ifMatch);
        return body.flatMap(dto -> issues.replace(recordId, content(dto), dto.getStatus(), precondition))
                .map(written -> RecordResponses.written(written, IssueController::dto));
    }

    @Override
    public Mono<ResponseEntity<IssueDto>> getIssue(String id, ServerWebExchange exchange) {
        return issues.latest(RecordService.id("id", id)).map(record -> RecordResponses.latest(record, IssueController::dto));
    }

    @Override
    public Mono<ResponseEntity<Flux<IssueDto>>> listIssueVersions(String id, ServerWebExchange exchange) {
        return RecordResponses.versions(issues.versions(RecordService.id("id", id)), IssueController::dto);
    }

    @Override
    public Mono<ResponseEntity<Flux<IssueDto>>> listIssues(@Nullable Integer year, @Nullable String channel, @Nullable String region,
                                                           Integer offset, Integer limit, ServerWebExchange exchange) {
        RecordQuery query = RecordQuery.all().orderBy("issuedOn").page(offset, limit);
        if (year != null) {
            query = query.dated("issuedOn", LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        }
        if (channel != null) {
            if (!IssueType.INSTRUMENTS.containsKey(channel)) {
                throw new InvalidParameterException("channel", IssueType.UNKNOWN_CHANNEL,
                        "A channel is EXCHANGE_MARKET, INTERBANK_BOND, ENTERPRISE_BOND or OTHER.");
            }
            query = query.where("channel", channel);
        }
        if (region != null) {
            if (Region.ofCode(region).filter(known -> !known.isCity()).isEmpty()) {
                throw new InvalidParameterException("region", Region.UNKNOWN_REGION, "'" + region + "' is not a county-level code of the city.");
            }
            query = query.region(region);
        }
        return issues.page(query).map(page -> RecordResponses.page(page, IssueController::dto));
    }

    private static Issue content(IssueContentDto dto) {
        IssueIssuerDto issuer = dto.getIssuer();
        return new Issue(issuer == null ? null : new Issue.Issuer(issuer.getUscc(), issuer.getName(), issuer.getKind()), dto.getRegion(),
                dto.getChannel(), dto.getInstrument(), dto.getSecurityCode(), dto.getAmount(), dto.getIssuedOn(), dto.getLeadUnderwriter());
    }

    private static IssueDto dto(StoredRecord<Issue> record) {
        Issue content = record.content();
        Issue.Issuer issuer = content.issuer();
        return new IssueDto()
                .id(record.id().toString())
                .version(record.version())
                .status(record.status().name())
                .contentHash(record.contentHash())
                .recordedAt(record.recordedAt())
                .recordedBy(record.recordedBy())
                .recordedFor(record.recordedFor())
                .warnings(record.warnings().stream()
                        .map(warning -> new IssueWarningDto().pointer(warning.pointer()).code(warning.code()).message(warning.message())).toList())
                .issuer(issuer == null ? null : new IssueIssuerDto().uscc(issuer.uscc()).name(issuer.name()).kind(issuer.kind()))
                .region(content.region())
                .channel(content.channel())
                .instrument(content.instrument())
                .securityCode(content.securityCode())
                .amount(content.amount())
                .issuedOn(content.issuedOn())
                .leadUnderwriter(content.leadUnderwriter());
    }
}
