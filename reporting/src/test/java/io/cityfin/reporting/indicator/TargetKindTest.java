package io.cityfin.reporting.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.cityfin.reporting.catalogue.Kind;

class TargetKindTest {

    @Test
    void fitsAFlowTargetToAFlowIndicatorOnly() {
        assertThat(TargetKind.FLOW.fits(Kind.FLOW)).isTrue();
        assertThat(TargetKind.FLOW.fits(Kind.STOCK)).isFalse();
        assertThat(TargetKind.FLOW.fits(Kind.RATIO)).isFalse();
    }

    @Test
    void fitsIncreaseAndBalanceTargetsToAStockIndicatorOnly() {
        assertThat(TargetKind.INCREASE.fits(Kind.STOCK)).isTrue();
        assertThat(TargetKind.BALANCE.fits(Kind.STOCK)).isTrue();
        assertThat(TargetKind.INCREASE.fits(Kind.FLOW)).isFalse();
        assertThat(TargetKind.BALANCE.fits(Kind.FLOW)).isFalse();
        assertThat(TargetKind.INCREASE.fits(Kind.RATIO)).isFalse();
        assertThat(TargetKind.BALANCE.fits(Kind.RATIO)).isFalse();
    }
}
