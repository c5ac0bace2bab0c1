package io.cityfin.common.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class CityClockTest {

    @Test
    void takesTodayInShanghaiWhateverZoneTheClockHas() {
        Clock utcEvening = Clock.fixed(Instant.parse("2022-09-30T17:00:00Z"), ZoneOffset.UTC);

        assertThat(CityClock.today(utcEvening)).isEqualTo(LocalDate.of(2022, 10, 1));
    }
}
