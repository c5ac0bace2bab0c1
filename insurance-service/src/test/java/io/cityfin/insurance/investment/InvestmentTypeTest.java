package io.cityfin.insurance.investment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cityfin.common.problem.FieldError;
import io.cityfin.common.region.Region;
import io.cityfin.reporting.institution.Institution;
import io.cityfin.reporting.institution.InstitutionChange;
import io.cityfin.reporting.institution.Institutions;
import io.cityfin.reporting.record.RecordContext;
import io.cityfin.reporting.record.RecordJson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class InvestmentTypeTest {

    /** 2022-10-10 00:30 in Asia/Shanghai, still 2022-10-09 in UTC. */
    private final Clock clock = Clock.fixed(Instant.parse("2022-10-09T16:30:00Z"), ZoneOffset.UTC);
    private final InvestmentType type = new InvestmentType(new OneInsurer(), clock);

    @Test
    void acceptsAValidInvestment() {
        assertThat(faults(investment("INS1", "361002", "60000000.00", "2022-10-10", "DEBT_PLAN"))).isEmpty();
    }

    @Test
    void refusesEveryFaultAtOnceWithItsPointer() {
        assertThat(faults(new Investment(null, " ", "361000", new BigDecimal("0"), "2022-10-11", "LOAN")))
                .extracting(FieldError::pointer, FieldError::code)
                .containsExactly(
                        tuple("/institutionCode", "MISSING_VALUE"),
                        tuple("/project", "MISSING_VALUE"),
                        tuple("/region", "CITY_REGION_ON_RECORD"),
                        tuple("/amount", "AMOUNT_NOT_POSITIVE"),
                        tuple("/date", "DATE_IN_FUTURE"),
                        tuple("/channel", "UNKNOWN_CHANNEL"));
    }

    @Test
    void refusesAnUnknownRegionTooManyDecimalsAndAMalformedDate() {
        assertThat(faults(investment("INS1", "360100", "1.005", "2022/10/01", "FUND")))
                .extracting(FieldError::pointer, FieldError::code)
                .containsExactly(tuple("/region", "UNKNOWN_REGION"), tuple("/amount", "TOO_MANY_DECIMALS"), tuple("/date", "INVALID_DATE"));
    }

    @Test
    void refusesAnInstitutionOutsideTheRegistryOrNotActiveOnTheDate() {
        assertThat(faults(investment("NOSUCH", "361002", "1", "2022-01-01", "FUND")))
                .extracting(FieldError::code).containsExactly("UNKNOWN_INSTITUTION");
        assertThat(faults(investment("INS1", "361002", "1", "2014-12-31", "FUND")))
                .extracting(FieldError::code).containsExactly("INSTITUTION_INACTIVE");
    }

    @Test
    void writesCanonicalJsonThatReadsBackToTheSameContent() {
        Investment investment = investment("INS1", "361002", "1500.50", "2022-10-10", "EQUITY");

        String json = RecordJson.write(investment);

        // the same text (and so the same content hashes) as before investments moved onto the machinery's mapper
        assertThat(json).isEqualTo("{\"institutionCode\":\"INS1\",\"project\":\"项目\",\"region\":\"361002\",\"amount\":\"1500.5\","
                + "\"date\":\"2022-10-10\",\"channel\":\"EQUITY\"}");
        assertThat(RecordJson.write(RecordJson.read("{\"amount\": \"1500.5\", \"channel\": \"EQUITY\", \"date\": \"2022-10-10\","
                + " \"institutionCode\": \"INS1\", \"project\": \"项目\", \"region\": \"361002\"}", Investment.class))).isEqualTo(json);
    }

    @Test
    void letsOnlyTheInsurersSubmitterWriteIt() {
        var owner = new io.cityfin.common.identity.Caller("k", java.util.Set.of(io.cityfin.common.identity.Role.SUBMITTER), "INS1");
        var other = new io.cityfin.common.identity.Caller("k", java.util.Set.of(io.cityfin.common.identity.Role.SUBMITTER), "INS2");
        Investment investment = investment("INS1", "361002", "1", "2022-10-10", "FUND");

        assertThat(type.writer(investment).allows().test(owner)).isTrue();
        assertThat(type.writer(investment).allows().test(other)).isFalse();
        assertThat(type.writer(new Investment(null, "p", "361002", BigDecimal.ONE, "2022-10-10", "FUND")).allows().test(owner)).isFalse();
    }

    private List<FieldError> faults(Investment investment) {
        return type.faults(investment, RecordContext.NONE).block();
    }

    private static Investment investment(String institution, String region, String amount, String date, String channel) {
        return new Investment(institution, "项目", region, new BigDecimal(amount), date, channel);
    }

    /** A registry with one insurer, active from 2015. */
    private static final class OneInsurer implements Institutions {

        private static final Institution INS1 = new Institution("INS1", "保险公司", "LIFE", Region.LINCHUAN, LocalDate.of(2015, 1, 1), null, 1,
                OffsetDateTime.parse("2022-01-01T00:00:00Z"), "admin");

        @Override
        public Mono<Institution> latest(String code) {
            return code.equals("INS1") ? Mono.just(INS1) : Mono.empty();
        }

        @Override
        public Flux<Institution> allLatest() {
            return Flux.just(INS1);
        }

        @Override
        public Flux<Institution> activeOn(LocalDate day) {
            return Flux.just(INS1).filter(i -> i.isActiveOn(day));
        }

        @Override
        public Mono<Institution> append(String code, InstitutionChange change, OffsetDateTime at, String changedBy) {
            return Mono.error(new UnsupportedOperationException());
        }
    }
}
