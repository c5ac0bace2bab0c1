package io.cityfin.risk.lead.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.cityfin.common.problem.InvalidParameterException;
import io.cityfin.reporting.record.RecordApi;
import io.cityfin.reporting.record.RecordDto;
import io.cityfin.reporting.record.RecordEndpoints;
import io.cityfin.reporting.record.RecordQuery;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.StoredRecord;
import io.cityfin.risk.api.LeadApiRecords;
import io.cityfin.risk.api.model.CasesWarningDto;
import io.cityfin.risk.api.model.LeadContentDto;
import io.cityfin.risk.api.model.LeadDto;
import io.cityfin.risk.api.model.LeadStepDto;
import io.cityfin.risk.api.model.LeadSubjectDto;
import io.cityfin.risk.lead.Lead;
import io.cityfin.risk.lead.LeadStatus;
import io.cityfin.risk.lead.LeadType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
class LeadController implements LeadApiRecords {

    private final RecordEndpoints<Lead, LeadDto> leads;
    private final RecordApi<LeadContentDto, LeadDto> leadsApi;

    LeadController(RecordService<Lead> leads) {
        this.leads = RecordEndpoints.of(leads, LeadController::dto);
        this.leadsApi = this.leads.taking(LeadController::content, LeadContentDto::getStatus);
    }

    @Override
    public RecordApi<LeadContentDto, LeadDto> leads() {
        return leadsApi;
    }

    @Override
    public Mono<ResponseEntity<Flux<LeadDto>>> listLeads(@Nullable String status, @Nullable String category, @Nullable String region,
                                                         Integer offset, Integer limit, ServerWebExchange exchange) {
        RecordQuery query = RecordQuery.all().page(offset, limit);
        if (status != null) {
            if (!LeadStatus.known(status)) {
                throw new InvalidParameterException("status", LeadType.UNKNOWN_LEAD_STATUS, "A status is one of " + String.join(", ", LeadStatus.ALL) + ".");
            }
            query = query.whereLast("history", "status", status);
        }
        if (category != null) {
            if (!LeadType.CATEGORIES.contains(category)) {
                throw new InvalidParameterException("category", LeadType.UNKNOWN_CATEGORY,
                        "A category is ILLEGAL_FUNDRAISING, ILLEGAL_LENDING, ILLEGAL_SECURITIES_FUTURES or OTHER.");
            }
            query = query.where("category", category);
        }
        return leads.page(query.region(RecordEndpoints.regionFilter("region", region)));
    }

    private static Lead content(LeadContentDto dto) {
        LeadSubjectDto subject = dto.getSubject();
        List<LeadStepDto> history = dto.getHistory();
        return new Lead(dto.getSource(), dto.getSourceRef(), dto.getCategory(), dto.getRegion(), dto.getLegacy(),
                subject == null ? null : new Lead.Subject(subject.getName(), subject.getUscc()), dto.getPersonsInvolved(),
                dto.getAmountInvolved(), dto.getApproximate(), dto.getLossRecovered(),
                history == null ? null : history.stream().map(step -> step == null ? null : new Lead.Step(step.getStatus(), step.getOn())).toList());
    }

    private static LeadDto dto(StoredRecord<Lead> record) {
        Lead content = record.content();
        List<Lead.Step> steps = content.steps();
        return RecordDto.envelope(new LeadDto(), record, CasesWarningDto::new)
                .source(content.source())
                .sourceRef(content.sourceRef())
                .category(content.category())
                .region(content.region())
                .legacy(content.legacy())
                .subject(content.subject() == null ? null : new LeadSubjectDto().name(content.subject().name()).uscc(content.subject().uscc()))
                .personsInvolved(content.personsInvolved())
                .amountInvolved(content.amountInvolved())
                .approximate(content.approximate())
                .lossRecovered(content.lossRecovered())
                .history(steps.stream().map(step -> new LeadStepDto().status(step.status()).on(step.on())).toList())
                .leadStatus(steps.isEmpty() ? null : steps.get(steps.size() - 1).status());
    }
}
