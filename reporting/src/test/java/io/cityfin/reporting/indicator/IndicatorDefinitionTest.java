package io.cityfin.reporting.indicator;

import static io.cityfin.reporting.indicator.CreditFixtures.amount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.cityfin.reporting.catalogue.Kind;
import io.cityfin.reporting.catalogue.Unit;

class IndicatorDefinitionTest {

    @Test
    void servesASubmittedItemAsItsOwnSum() {
        IndicatorDefinition deposits = IndicatorDefinition.of(CreditFixtures.DEPOSIT_BALANCE);

        assertThat(deposits.code()).isEqualTo("DEPOSIT_BALANCE");
        assertThat(deposits.nameZh()).isEqualTo("各项存款余额（本外币）");
        assertThat(deposits.nameEn()).isEqualTo("Deposit balance");
        assertThat(deposits.unit()).isEqualTo(Unit.CNY);
        assertThat(deposits.kind()).isEqualTo(Kind.STOCK);
        assertThat(deposits.inputs()).containsExactly("DEPOSIT_BALANCE");
        assertThat(deposits.formula().evaluate(MapFigures.of(Map.of("DEPOSIT_BALANCE", amount("7.00"))),
                MapFigures.of(Map.of("DEPOSIT_BALANCE", amount("5.00"))))).isEqualTo(amount("7.00"));
    }

    @Test
    void refusesAnItemThatOnlyFeedsAnAverage() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> IndicatorDefinition.of(CreditFixtures.INCLUSIVE_SME_NEW_LOAN_RATE))
                .withMessageContaining("INCLUSIVE_SME_NEW_LOAN_RATE");
    }

    @Test
    void keepsItsInputsAsGiven() {
        Set<String> inputs = new HashSet<>(Set.of("GREEN_LOAN_BALANCE", "LOAN_BALANCE"));
        IndicatorDefinition share = new IndicatorDefinition("GREEN_LOAN_SHARE_PCT", "绿色贷款占比", "Green loan share",
                Unit.PERCENT, Kind.RATIO, Formula.percentOf("GREEN_LOAN_BALANCE", "LOAN_BALANCE"), inputs);

        inputs.add("DEPOSIT_BALANCE");

        assertThat(share.inputs()).containsExactlyInAnyOrder("GREEN_LOAN_BALANCE", "LOAN_BALANCE").isUnmodifiable();
    }
}
