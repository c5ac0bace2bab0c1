package io.cityfin.capitalmarket.fund.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.cityfin.capitalmarket.api.PrivateFundApiRecords;
import io.cityfin.capitalmarket.api.model.FundContentDto;
import io.cityfin.capitalmarket.api.model.FundDto;
import io.cityfin.capitalmarket.api.model.FundInvesteeDto;
import io.cityfin.capitalmarket.api.model.FundInvestmentContentDto;
import io.cityfin.capitalmarket.api.model.FundInvestmentDto;
import io.cityfin.capitalmarket.api.model.FundManagerDto;
import io.cityfin.capitalmarket.api.model.IssueWarningDto;
import io.cityfin.capitalmarket.fund.Fund;
import io.cityfin.capitalmarket.fund.FundInvestment;
import io.cityfin.common.identity.Access;
import io.cityfin.common.identity.AccessRule;
import io.cityfin.common.identity.Role;
import io.cityfin.reporting.record.RecordApi;
import io.cityfin.reporting.record.RecordDto;
import io.cityfin.reporting.record.RecordEndpoints;
import io.cityfin.reporting.record.RecordQuery;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.Ref;
import io.cityfin.reporting.record.StoredRecord;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
class FundController implements PrivateFundApiRecords {

    private static final AccessRule STAFF = AccessRule.anyOf(Role.ADMIN, Role.ANALYST);

    private final RecordEndpoints<Fund, FundDto> funds;
    private final RecordEndpoints<FundInvestment, FundInvestmentDto> investments;
    private final RecordApi<FundContentDto, FundDto> fundsApi;
    private final RecordApi<FundInvestmentContentDto, FundInvestmentDto> investmentsApi;

    FundController(RecordService<Fund> funds, RecordService<FundInvestment> investments) {
        this.funds = RecordEndpoints.of(funds, FundController::fundDto);
        this.investments = RecordEndpoints.of(investments, FundController::investmentDto);
        this.fundsApi = this.funds.taking(FundController::content, FundContentDto::getStatus);
        this.investmentsApi = this.investments.taking(FundController::content, FundInvestmentContentDto::getStatus);
    }

    @Override
    public RecordApi<FundContentDto, FundDto> funds() {
        return fundsApi;
    }

    @Override
    public RecordApi<FundInvestmentContentDto, FundInvestmentDto> investments() {
        return investmentsApi;
    }

    @Override
    public Mono<ResponseEntity<Flux<FundDto>>> listFunds(@Nullable String region, Integer offset, Integer limit, ServerWebExchange exchange) {
        RecordQuery query = RecordQuery.all().orderBy("name").region(RecordEndpoints.regionFilter("region", region)).page(offset, limit);
        // Funds are staff-only: a SUBMITTER is refused, not answered an empty page of the records it owns.
        return Access.require(STAFF).then(funds.page(query));
    }

    @Override
    public Mono<ResponseEntity<FundInvestmentDto>> createFundInvestment(String id, Mono<FundInvestmentContentDto> body,
                                                                       @Nullable String idempotencyKey, ServerWebExchange exchange) {
        return investments.create(Ref.id(RecordService.id("id", id)), body, idempotencyKey, FundController::content,
                FundInvestmentContentDto::getStatus);
    }

    @Override
    public Mono<ResponseEntity<Flux<FundInvestmentDto>>> listFundInvestments(String id, ServerWebExchange exchange) {
        return investments.children(id); // an unknown fund is a 404, not an empty list
    }

    private static Fund content(FundContentDto dto) {
        FundManagerDto manager = dto.getManager();
        return new Fund(dto.getName(), dto.getRegion(), dto.getEstablishedOn(), dto.getLiquidatedOn(),
                manager == null ? null : new Fund.Manager(manager.getName(), manager.getAmacNo()), dto.getAmacCode(), dto.getAmacFiledOn());
    }

    private static FundInvestment content(FundInvestmentContentDto dto) {
        FundInvesteeDto investee = dto.getInvestee();
        return new FundInvestment(investee == null ? null : new FundInvestment.Investee(investee.getUscc(), investee.getName()),
                dto.getInvesteeRegion(), dto.getAmount(), dto.getInvestedOn());
    }

    private static FundDto fundDto(StoredRecord<Fund> record) {
        Fund content = record.content();
        Fund.Manager manager = content.manager();
        return RecordDto.envelope(new FundDto(), record, IssueWarningDto::new)
                .name(content.name())
                .region(content.region())
                .establishedOn(content.establishedOn())
                .liquidatedOn(content.liquidatedOn())
                .manager(manager == null ? null : new FundManagerDto().name(manager.name()).amacNo(manager.amacNo()))
                .amacCode(content.amacCode())
                .amacFiledOn(content.amacFiledOn());
    }

    private static FundInvestmentDto investmentDto(StoredRecord<FundInvestment> record) {
        FundInvestment content = record.content();
        FundInvestment.Investee investee = content.investee();
        return RecordDto.envelope(new FundInvestmentDto(), record, IssueWarningDto::new)
                .fundId(String.valueOf(record.parentId()))
                .investee(investee == null ? null : new FundInvesteeDto().uscc(investee.uscc()).name(investee.name()))
                .investeeRegion(content.investeeRegion())
                .amount(content.amount())
                .investedOn(content.investedOn());
    }
}
