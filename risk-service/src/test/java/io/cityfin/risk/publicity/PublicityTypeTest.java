package io.cityfin.risk.publicity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.cityfin.common.problem.FieldError;
import io.cityfin.reporting.record.RecordContext;

class PublicityTypeTest {

    static final PublicityType TYPE = new PublicityType(Clock.fixed(Instant.parse("2022-10-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void acceptsACityWideEventAndNamesItsDayAsTheDayItWasHeld() {
        Publicity event = new Publicity("EVENT", "ONLINE", "2022-06-15", "361000", new BigDecimal("450"), new BigDecimal("600"), BigDecimal.ZERO);

        assertThat(TYPE.faults(event, RecordContext.NONE).block()).isEmpty();
        assertThat(TYPE.day(event)).isEqualTo(LocalDate.of(2022, 6, 15));
        assertThat(TYPE.region(event)).isEqualTo("361000");
    }

    @Test
    void reportsEveryFaultOfARecordAtOnce() {
        Publicity wrong = new Publicity("SMS_BATCH", "CAMPUS", "2022-10-02", "361099", new BigDecimal("-1"), new BigDecimal("0.5"), BigDecimal.ZERO);

        assertThat(TYPE.faults(wrong, RecordContext.NONE).block()).extracting(FieldError::code).containsExactly("SETTING_ON_OTHER_KIND",
                "DATE_IN_FUTURE", "UNKNOWN_REGION", "INVALID_COUNT", "INVALID_COUNT", "SMS_BATCH_WITHOUT_SMS");
    }
}
