package io.cityfin.insurance.investment.web;

import java.time.LocalDate;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.cityfin.insurance.api.InvestmentApiRecords;
import io.cityfin.insurance.api.model.InvestmentDto;
import io.cityfin.insurance.api.model.NewInvestmentDto;
import io.cityfin.insurance.investment.Investment;
import io.cityfin.reporting.record.RecordApi;
import io.cityfin.reporting.record.RecordDto;
import io.cityfin.reporting.record.RecordEndpoints;
import io.cityfin.reporting.record.RecordQuery;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.StoredRecord;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
class InvestmentController implements InvestmentApiRecords {

    private final RecordEndpoints<Investment, InvestmentDto> investments;
    private final RecordApi<NewInvestmentDto, InvestmentDto> investmentsApi;

    InvestmentController(RecordService<Investment> investments) {
        this.investments = RecordEndpoints.of(investments, InvestmentController::dto);
        this.investmentsApi = this.investments.taking(InvestmentController::content, NewInvestmentDto::getStatus);
    }

    @Override
    public RecordApi<NewInvestmentDto, InvestmentDto> investments() {
        return investmentsApi;
    }

    @Override
    public Mono<ResponseEntity<Flux<InvestmentDto>>> listInvestments(Integer year, Integer offset, Integer limit,
                                                                    ServerWebExchange exchange) {
        return investments.page(RecordQuery.all().dated("date", LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).orderBy("date")
                .page(offset, limit));
    }

    private static Investment content(NewInvestmentDto dto) {
        return new Investment(dto.getInstitutionCode(), dto.getProject(), dto.getRegion(), dto.getAmount(), dto.getDate(), dto.getChannel());
    }

    private static InvestmentDto dto(StoredRecord<Investment> record) {
        Investment content = record.content();
        return RecordDto.envelope(new InvestmentDto(), record)
                .institutionCode(content.institutionCode())
                .project(content.project())
                .region(content.region())
                .amount(content.amount())
                .date(content.date())
                .channel(content.channel());
    }
}
