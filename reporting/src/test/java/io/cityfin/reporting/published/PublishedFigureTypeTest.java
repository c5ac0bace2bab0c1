package io.cityfin.reporting.published;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.cityfin.common.identity.Role;
import io.cityfin.common.problem.FieldError;
import io.cityfin.reporting.record.RecordContext;
import io.cityfin.reporting.record.UniqueClaim;
import reactor.core.publisher.Mono;

class PublishedFigureTypeTest {

    /** 2022-10-01 08:00 in Asia/Shanghai: 2022-10 has started, 2022-11 has not. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2022-10-01T00:00:00Z"), ZoneOffset.UTC);
    static final PublishedFigureType TYPE = new PublishedFigureType(CLOCK, () -> Mono.just(Set.of("DEPOSIT_BALANCE", "NPL_RATIO")));

    static PublishedFigure figure(String indicator, String field, String period, String region, String value, String rounding) {
        return new PublishedFigure(indicator, field, period, region, value == null ? null : new BigDecimal(value),
                rounding == null ? null : new BigDecimal(rounding), "9.12%", "2022年金融工作总结", null);
    }

    @Test
    void acceptsTheDocumentsDepositGrowthAndACityOrCountyRegion() {
        assertThat(TYPE.faults(figure("DEPOSIT_BALANCE", "growthSinceYearStartPct", "2022-09", "361000", "9.12", "0.01"), RecordContext.NONE)
                .block()).isEmpty();
        assertThat(TYPE.faults(figure("NPL_RATIO", "changeSinceYearStart", "2022-Q3", "361002", "-0.03", "0.01"), RecordContext.NONE)
                .block()).isEmpty();
        assertThat(TYPE.faults(figure("NPL_RATIO", "value", "2022-10", "361000", "1.32", "0.01"), RecordContext.NONE).block())
                .as("the current month").isEmpty();
    }

    @Test
    void reportsEveryFaultAtOnceWithItsPointer() {
        PublishedFigure wrong = figure("NO_SUCH_INDICATOR", "growth", "2022-11", "361099", "9.12", "0");

        assertThat(TYPE.faults(wrong, RecordContext.NONE).block()).extracting(FieldError::pointer, FieldError::code).containsExactly(
                tuple("/indicator", "UNKNOWN_INDICATOR"),
                tuple("/field", "UNKNOWN_FIELD"),
                tuple("/period", "PERIOD_IN_FUTURE"),
                tuple("/region", "UNKNOWN_REGION"),
                tuple("/rounding", "ROUNDING_NOT_POSITIVE"));
    }

    @Test
    void reportsEveryMissingValue() {
        PublishedFigure empty = new PublishedFigure(" ", null, "", null, null, null, null, "", null);

        assertThat(TYPE.faults(empty, RecordContext.NONE).block()).extracting(FieldError::pointer, FieldError::code).containsExactly(
                tuple("/indicator", "MISSING_VALUE"),
                tuple("/field", "MISSING_VALUE"),
                tuple("/period", "MISSING_VALUE"),
                tuple("/region", "MISSING_VALUE"),
                tuple("/value", "MISSING_VALUE"),
                tuple("/rounding", "MISSING_VALUE"),
                tuple("/document", "MISSING_VALUE"));
    }

    @Test
    void refusesAPeriodAsIndicatorsDoes() {
        for (String[] wrong : new String[][] {{"2022-9", "INVALID_PERIOD"}, {"1989-12", "INVALID_PERIOD"}, {"2022-09-D4", "INVALID_PERIOD"},
                {"2023", "PERIOD_IN_FUTURE"}, {"2022-11", "PERIOD_IN_FUTURE"}}) {
            assertThat(TYPE.faults(figure("NPL_RATIO", "value", wrong[0], "361000", "1", "1"), RecordContext.NONE).block())
                    .as(wrong[0]).extracting(FieldError::pointer, FieldError::code).containsExactly(tuple("/period", wrong[1]));
        }
        assertThat(TYPE.faults(figure("NPL_RATIO", "value", "2022-Q4", "361000", "1", "1"), RecordContext.NONE).block())
                .as("2022-Q4 started on 2022-10-01").isEmpty();
    }

    @Test
    void readsNoIndicatorCodesWhenNoIndicatorIsNamed() {
        AtomicInteger reads = new AtomicInteger();
        PublishedFigureType counting = new PublishedFigureType(CLOCK, () -> Mono.fromCallable(() -> {
            reads.incrementAndGet();
            return Set.of("NPL_RATIO");
        }));

        counting.faults(figure(null, "value", "2022-09", "361000", "1.32", "0.01"), RecordContext.NONE).block();
        assertThat(reads).hasValue(0);
        counting.faults(figure("NPL_RATIO", "value", "2022-09", "361000", "1.32", "0.01"), RecordContext.NONE).block();
        assertThat(reads).hasValue(1);
    }

    @Test
    void claimsOneValuePerIndicatorFieldPeriodRegionAndDocument() {
        UniqueClaim claim = TYPE.claims(figure("NPL_RATIO", "value", "2022-09", "361000", "1.32", "0.01")).get(0);
        UniqueClaim corrected = TYPE.claims(figure("NPL_RATIO", "value", "2022-09", "361000", "1.33", "0.1")).get(0);
        UniqueClaim county = TYPE.claims(figure("NPL_RATIO", "value", "2022-09", "361002", "1.32", "0.01")).get(0);
        UniqueClaim change = TYPE.claims(figure("NPL_RATIO", "changeSinceYearStart", "2022-09", "361000", "1.32", "0.01")).get(0);

        assertThat(claim.overlaps(corrected)).as("the value and rounding are not part of it").isTrue();
        assertThat(claim.overlaps(county)).isFalse();
        assertThat(claim.overlaps(change)).isFalse();
        assertThat(claim.code()).isEqualTo("PUBLISHED_FIGURE_TAKEN");
        assertThat(claim.pointer()).isEqualTo("/indicator");
        assertThat(claim.value()).hasSizeLessThanOrEqualTo(200);
    }

    @Test
    void letsStaffWriteAndEveryRoleRead() {
        PublishedFigure any = figure("NPL_RATIO", "value", "2022-09", "361000", "1.32", "0.01");

        assertThat(TYPE.owner(any)).isNull();
        assertThat(TYPE.readByEveryRole()).isTrue();
        for (Role role : Role.values()) {
            io.cityfin.common.identity.Caller caller = new io.cityfin.common.identity.Caller("k", Set.of(role),
                    role == Role.SUBMITTER ? "91361000BANK" : null);
            assertThat(TYPE.reader(any).allows().test(caller)).as(role + " reads").isTrue();
            assertThat(TYPE.writer(any).allows().test(caller)).as(role + " writes").isEqualTo(role == Role.ADMIN || role == Role.ANALYST);
        }
    }
}
