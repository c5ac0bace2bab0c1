package io.cityfin.capitalmarket.financing.web;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.cityfin.capitalmarket.api.DirectFinancingApiRecords;
import io.cityfin.capitalmarket.api.model.IssueContentDto;
import io.cityfin.capitalmarket.api.model.IssueDto;
import io.cityfin.capitalmarket.api.model.IssueIssuerDto;
import io.cityfin.capitalmarket.api.model.IssueWarningDto;
import io.cityfin.capitalmarket.financing.Issue;
import io.cityfin.capitalmarket.financing.IssueType;
import io.cityfin.common.problem.InvalidParameterException;
import io.cityfin.reporting.record.RecordApi;
import io.cityfin.reporting.record.RecordDto;
import io.cityfin.reporting.record.RecordEndpoints;
import io.cityfin.reporting.record.RecordQuery;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.StoredRecord;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
class IssueController implements DirectFinancingApiRecords {

    private final RecordEndpoints<Issue, IssueDto> issues;
    private final RecordApi<IssueContentDto, IssueDto> issuesApi;

    IssueController(RecordService<Issue> issues) {
        this.issues = RecordEndpoints.of(issues, IssueController::dto);
        this.issuesApi = this.issues.taking(IssueController::content, IssueContentDto::getStatus);
    }

    @Override
    public RecordApi<IssueContentDto, IssueDto> issues() {
        return issuesApi;
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
        return issues.page(query.region(RecordEndpoints.regionFilter("region", region)));
    }

    private static Issue content(IssueContentDto dto) {
        IssueIssuerDto issuer = dto.getIssuer();
        return new Issue(issuer == null ? null : new Issue.Issuer(issuer.getUscc(), issuer.getName(), issuer.getKind()), dto.getRegion(),
                dto.getChannel(), dto.getInstrument(), dto.getSecurityCode(), dto.getAmount(), dto.getIssuedOn(), dto.getLeadUnderwriter());
    }

    private static IssueDto dto(StoredRecord<Issue> record) {
        Issue content = record.content();
        Issue.Issuer issuer = content.issuer();
        return RecordDto.envelope(new IssueDto(), record, IssueWarningDto::new)
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
