package io.cityfin.common.period;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** "Today" is the date in Asia/Shanghai, wherever the server runs (architecture.md, "Periods"). */
public final class CityClock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private CityClock() {
    }

    public static Clock system() {
        return Clock.system(ZONE);
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
