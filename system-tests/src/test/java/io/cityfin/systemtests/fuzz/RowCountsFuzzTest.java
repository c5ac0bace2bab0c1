package io.cityfin.systemtests.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** How two row counts are compared: a table that gained, lost, appeared or went is a change. */
class RowCountsFuzzTest {

    @Test
    void namesEveryTableWhoseCountDiffers() {
        Map<String, Long> before = Map.of("cityfin_credit.public.report_version", 10L, "cityfin_credit.public.report_line", 50L,
                "cityfin_gateway.public.api_key", 4L);
        assertThat(RowCounts.changes(before, before)).isEmpty();
        assertThat(RowCounts.changes(before, Map.of("cityfin_credit.public.report_version", 11L,
                "cityfin_credit.public.report_line", 50L, "cityfin_gateway.public.api_key", 4L,
                "cityfin_risk.public.alert", 1L)))
            .containsExactly("cityfin_credit.public.report_version: 10 -> 11", "cityfin_risk.public.alert: null -> 1");
    }
}
