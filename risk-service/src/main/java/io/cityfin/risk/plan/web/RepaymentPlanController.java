package io.cityfin.risk.plan.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.cityfin.reporting.institution.Institution;
import io.cityfin.reporting.institution.InstitutionService;
import io.cityfin.reporting.institution.Institutions;
import io.cityfin.reporting.record.RecordDto;
import io.cityfin.reporting.record.RecordEndpoints;
import io.cityfin.reporting.record.RecordQuery;
import io.cityfin.reporting.record.RecordReads;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.StoredRecord;
import io.cityfin.risk.api.RepaymentPlanApiRecords;
import io.cityfin.risk.api.model.CasesWarningDto;
import io.cityfin.risk.api.model.RepaymentInstalmentDto;
import io.cityfin.risk.api.model.RepaymentPlanContentDto;
import io.cityfin.risk.api.model.RepaymentPlanDto;
import io.cityfin.risk.plan.RepaymentPlan;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
class RepaymentPlanController implements RepaymentPlanApiRecords {

    private final RecordEndpoints<RepaymentPlan, RepaymentPlanDto> plans;
    private final InstitutionService registry;
    private final Institutions institutions;

    RepaymentPlanController(RecordService<RepaymentPlan> plans, InstitutionService registry, Institutions institutions) {
        this.plans = RecordEndpoints.of(plans, RepaymentPlanController::dto);
        this.registry = registry;
        this.institutions = institutions;
    }

    @Override
    public RecordReads<RepaymentPlanDto> repaymentPlans() {
        return plans.byKey(code -> {
            InstitutionService.checkCode("institutionCode", code);
            return code;
        });
    }

    /** The institution must be in the registry (404 otherwise) before its plan is written. */
    @Override
    public Mono<ResponseEntity<RepaymentPlanDto>> putRepaymentPlan(String institutionCode, Mono<RepaymentPlanContentDto> body,
                                                                   @Nullable String ifMatch, ServerWebExchange exchange) {
        return registry.existing(institutionCode).flatMap(institution -> plans.put(institutionCode, null, body, ifMatch,
                dto -> content(institutionCode, dto), RepaymentPlanContentDto::getStatus));
    }

    @Override
    public Mono<ResponseEntity<Flux<RepaymentPlanDto>>> listRepaymentPlans(@Nullable String region, Integer offset, Integer limit,
                                                                          ServerWebExchange exchange) {
        RecordQuery query = RecordQuery.all().page(offset, limit);
        String county = RecordEndpoints.regionFilter("region", region);
        if (county == null) {
            return plans.page(query);
        }
        return institutions.allLatest().filter(institution -> county.equals(institution.region().code())).map(Institution::code)
                .collectList().flatMap(codes -> plans.page(query.whereIn("institutionCode", codes)));
    }

    private static RepaymentPlan content(String institutionCode, RepaymentPlanContentDto dto) {
        List<RepaymentInstalmentDto> instalments = dto.getInstalments();
        return new RepaymentPlan(institutionCode, dto.getPrincipalTotal(), instalments == null ? null : instalments.stream()
                .map(instalment -> instalment == null ? null
                        : new RepaymentPlan.Instalment(instalment.getNo(), instalment.getPlannedOn(), instalment.getPaidOn(), instalment.getAmountPaid()))
                .toList());
    }

    private static RepaymentPlanDto dto(StoredRecord<RepaymentPlan> record) {
        RepaymentPlan content = record.content();
        return RecordDto.envelope(new RepaymentPlanDto(), record, CasesWarningDto::new)
                .institutionCode(content.institutionCode())
                .principalTotal(content.principalTotal())
                .instalments(content.instalmentList().stream().map(instalment -> new RepaymentInstalmentDto().no(instalment.no())
                        .plannedOn(instalment.plannedOn()).paidOn(instalment.paidOn()).amountPaid(instalment.amountPaid())).toList());
    }
}
