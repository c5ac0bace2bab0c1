package io.cityfin.reporting.published;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.period.CityClock;
import io.cityfin.common.period.InvalidPeriodException;
import io.cityfin.common.period.Period;
import io.cityfin.common.problem.FieldError;
import io.cityfin.reporting.record.CanonicalJson;
import io.cityfin.reporting.record.PublicRecordType;
import io.cityfin.reporting.record.RecordChecks;
import io.cityfin.reporting.record.RecordContext;
import io.cityfin.reporting.record.UniqueClaim;
import reactor.core.publisher.Mono;

/**
 * Published figures as records: ADMIN and ANALYST write, every role reads (the figures were printed in a public
 * document). Refusals, all at once: MISSING_VALUE (indicator, field, period, region, value, rounding, document),
 * UNKNOWN_INDICATOR (not one of this service's indicator codes), UNKNOWN_FIELD, INVALID_PERIOD and PERIOD_IN_FUTURE
 * (as {@code /indicators}' {@code period}, 1990 or later), UNKNOWN_REGION (361000 is the city), ROUNDING_NOT_POSITIVE;
 * one ACTIVE record per (indicator, field, period, region, document): PUBLISHED_FIGURE_TAKEN.
 */
public final class PublishedFigureType implements PublicRecordType<PublishedFigure> {

    public static final String COLLECTION = "published-figures";

    /** The Indicator's members a document may print. */
    public static final Set<String> FIELDS = Set.of("value", "yearStartValue", "changeSinceYearStart", "growthSinceYearStartPct",
            "previousYearValue", "yoyChange", "yoyPct", "target", "targetProgressPct");

    public static final String UNKNOWN_INDICATOR = "UNKNOWN_INDICATOR";
    public static final String UNKNOWN_FIELD = "UNKNOWN_FIELD";
    public static final String ROUNDING_NOT_POSITIVE = "ROUNDING_NOT_POSITIVE";
    public static final String PUBLISHED_FIGURE_TAKEN = "PUBLISHED_FIGURE_TAKEN";

    private final Clock clock;
    private final IndicatorCodes indicatorCodes;

    public PublishedFigureType(Clock clock, IndicatorCodes indicatorCodes) {
        this.clock = clock;
        this.indicatorCodes = indicatorCodes;
    }

    @Override
    public String collection() {
        return COLLECTION;
    }

    @Override
    public Class<PublishedFigure> contentType() {
        return PublishedFigure.class;
    }

    @Override
    public Mono<List<FieldError>> faults(PublishedFigure content, RecordContext context) {
        String indicator = content.indicator();
        boolean checkIndicator = indicator != null && !indicator.isBlank();
        Mono<Set<String>> codes = checkIndicator ? indicatorCodes.codes() : Mono.just(Set.of());
        return codes.map(known -> {
            List<FieldError> faults = new ArrayList<>();
            if (RecordChecks.present(indicator, "/indicator", faults) && !known.contains(indicator)) {
                faults.add(FieldError.atPointer("/indicator", UNKNOWN_INDICATOR,
                        "'" + indicator + "' is not one of this service's indicators (GET /indicators lists them)."));
            }
            if (RecordChecks.present(content.field(), "/field", faults) && !FIELDS.contains(content.field())) {
                faults.add(FieldError.atPointer("/field", UNKNOWN_FIELD, "A field is one of the Indicator's members: " + String.join(", ",
                        List.of("value", "yearStartValue", "changeSinceYearStart", "growthSinceYearStartPct", "previousYearValue",
                                "yoyChange", "yoyPct", "target", "targetProgressPct")) + "."));
            }
            period(content.period(), faults);
            RecordChecks.region(content.region(), true, "/region", faults);
            RecordChecks.present(content.value(), "/value", faults);
            BigDecimal rounding = content.rounding();
            if (RecordChecks.present(rounding, "/rounding", faults) && rounding.signum() <= 0) {
                faults.add(FieldError.atPointer("/rounding", ROUNDING_NOT_POSITIVE,
                        "The rounding is the printed step in the API's unit, above 0 (0.01 for \"9.12%\")."));
            }
            RecordChecks.present(content.document(), "/document", faults);
            return faults;
        });
    }

    /** The one ACTIVE record of (indicator, field, period, region, document). */
    @Override
    public List<UniqueClaim> claims(PublishedFigure content) {
        String value = String.join("\u001f", String.valueOf(content.indicator()), String.valueOf(content.field()),
                String.valueOf(content.period()), String.valueOf(content.region()), String.valueOf(content.document()));
        // hashed: the document's name alone may be as long as the column
        return List.of(UniqueClaim.always("publishedFigure", CanonicalJson.sha256(value), "/indicator", PUBLISHED_FIGURE_TAKEN,
                "Another active record holds what " + content.document() + " printed for " + content.indicator() + "."
                        + content.field() + " at " + content.period() + " in " + content.region() + ": correct that one."));
    }

    @Override
    public @Nullable String region(PublishedFigure content) {
        return content.region();
    }

    /** As {@code /indicators}' {@code period}: canonical, 1990 or later, not starting after today (Asia/Shanghai). */
    private void period(@Nullable String period, List<FieldError> faults) {
        if (!RecordChecks.present(period, "/period", faults)) {
            return;
        }
        try {
            Period.parseNotFuture(period, CityClock.today(clock));
        } catch (InvalidPeriodException e) {
            faults.add(FieldError.atPointer("/period", e.code(), e.getMessage()));
        }
    }
}
