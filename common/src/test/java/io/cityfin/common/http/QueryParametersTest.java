package io.cityfin.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.cityfin.common.period.CityClock;
import io.cityfin.common.problem.FieldError;
import io.cityfin.common.problem.InvalidParameterException;
import io.cityfin.common.region.Region;

class QueryParametersTest {

    private final Clock october2022 = Clock.fixed(Instant.parse("2022-10-08T01:00:00Z"), CityClock.ZONE);

    @Test
    void parsesAPeriodThatHasStarted() {
        assertThat(QueryParameters.period("period", "2022-09", october2022)).hasToString("2022-09");
    }

    @Test
    void namesTheParameterOfAFuturePeriod() {
        assertThatThrownBy(() -> QueryParameters.period("period", "2022-11", october2022))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errors()).containsExactly(FieldError.atParameter("period", "PERIOD_IN_FUTURE", e.getMessage()));
                });
    }

    @Test
    void namesTheParameterOfAMissingPeriod() {
        assertThatThrownBy(() -> QueryParameters.period("period", " ", october2022))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.errors().get(0).code()).isEqualTo("MISSING_PARAMETER"));
    }

    @Test
    void readsNoRegionAndTheCityCodeAsTheWholeCity() {
        assertThat(QueryParameters.region("region", null)).isEqualTo(Region.CITY);
        assertThat(QueryParameters.region("region", "361000")).isEqualTo(Region.CITY);
        assertThat(QueryParameters.region("region", "361027")).isEqualTo(Region.JINXI);
    }

    @Test
    void refusesAnUnknownRegion() {
        assertThatThrownBy(() -> QueryParameters.region("region", "361099"))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.errors().get(0).parameter()).isEqualTo("region");
                    assertThat(e.errors().get(0).code()).isEqualTo("UNKNOWN_REGION");
                });
    }
}
