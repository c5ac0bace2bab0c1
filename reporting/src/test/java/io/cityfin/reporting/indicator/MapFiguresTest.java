package io.cityfin.reporting.indicator;

import static io.cityfin.reporting.indicator.CreditFixtures.amount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MapFiguresTest {

    @Test
    void addsEveryInstitutionsLinesOfAnItem() {
        MapFigures figures = MapFigures.builder()
                .add("DEPOSIT_BALANCE", amount("100.10"))
                .add("DEPOSIT_BALANCE", amount("200.20"))
                .build();

        // 100.10 + 200.20
        assertThat(figures.sum("DEPOSIT_BALANCE")).isEqualTo(amount("300.30"));
    }

    @Test
    void knowsNoSumOfAnItemNobodyReported() {
        MapFigures figures = MapFigures.builder().add("DEPOSIT_BALANCE", amount("1.00")).build();

        assertThat(figures.sum("LOAN_BALANCE")).isNull();
        assertThat(Figures.empty().sum("DEPOSIT_BALANCE")).isNull();
        assertThat(Figures.empty().weightedSum("RATE", "AMOUNT")).isNull();
        assertThat(Figures.empty().weightSum("RATE", "AMOUNT")).isNull();
    }

    @Test
    void weighsOnlyTheLinesThatCarryARate() {
        MapFigures figures = MapFigures.builder()
                .addRated("RATE", amount("5.00"), "AMOUNT", amount("1,000,000,000.00"))
                .addRated("RATE", amount("4.57"), "AMOUNT", amount("3,000,000,000.00"))
                .add("AMOUNT", amount("500,000,000.00"))
                .build();

        // 1,000,000,000 + 3,000,000,000 + 500,000,000
        assertThat(figures.sum("AMOUNT")).isEqualTo(amount("4,500,000,000.00"));
        // 5.00 × 1,000,000,000 + 4.57 × 3,000,000,000 = 5,000,000,000 + 13,710,000,000
        assertThat(figures.weightedSum("RATE", "AMOUNT")).isEqualByComparingTo(amount("18,710,000,000"));
        // 1,000,000,000 + 3,000,000,000: the line without a rate is left out
        assertThat(figures.weightSum("RATE", "AMOUNT")).isEqualTo(amount("4,000,000,000.00"));
    }

    @Test
    void knowsNoWeightedSumsWhenNoLineCarriesBothItems() {
        MapFigures figures = MapFigures.builder().add("AMOUNT", amount("500,000,000.00")).build();

        assertThat(figures.weightedSum("RATE", "AMOUNT")).isNull();
        assertThat(figures.weightSum("RATE", "AMOUNT")).isNull();
    }

    @Test
    void addsUpWeightedSumsAlreadyTaken() {
        MapFigures figures = MapFigures.builder()
                .addWeighted("RATE", "AMOUNT", amount("5,000,000,000"), amount("1,000,000,000"))
                .addWeighted("RATE", "AMOUNT", amount("13,710,000,000"), amount("3,000,000,000"))
                .build();

        // 5,000,000,000 + 13,710,000,000
        assertThat(figures.weightedSum("RATE", "AMOUNT")).isEqualTo(amount("18,710,000,000"));
        // 1,000,000,000 + 3,000,000,000
        assertThat(figures.weightSum("RATE", "AMOUNT")).isEqualTo(amount("4,000,000,000"));
        assertThat(figures.weightSum("AMOUNT", "RATE")).isNull();
    }

    @Test
    void staysAsBuilt() {
        MapFigures.Builder builder = MapFigures.builder().add("DEPOSIT_BALANCE", amount("1.00"));
        MapFigures figures = builder.build();

        builder.add("DEPOSIT_BALANCE", amount("2.00"));

        assertThat(figures.sum("DEPOSIT_BALANCE")).isEqualTo(amount("1.00"));
        assertThat(figures.sums()).isUnmodifiable();
    }

    @Test
    void refusesAWeightedSumWithoutItsWeightSum() {
        Map<MapFigures.Weighting, BigDecimal> weighted = Map.of(new MapFigures.Weighting("RATE", "AMOUNT"),
                amount("1"));

        assertThatIllegalArgumentException().isThrownBy(() -> new MapFigures(Map.of(), weighted, Map.of()));
    }
}
