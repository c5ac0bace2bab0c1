package io.cityfin.reporting.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CatalogueTest {

    private static final Item OUTSTANDING = new Item("GUARANTEE_OUTSTANDING_BALANCE", "在保余额", "Outstanding guarantees", Unit.CNY, Kind.STOCK, false, true);
    private static final Item NET_ASSETS = new Item("GUARANTEE_NET_ASSETS", "净资产", "Net assets", Unit.CNY, Kind.STOCK, false, true);
    private static final Item LENDING = new Item("PRIVATE_LENDING_OUTSTANDING", "存量规模", "Outstanding", Unit.CNY, Kind.STOCK, false, true);

    private final Catalogue catalogue = new Catalogue("risk-service", List.of(OUTSTANDING, NET_ASSETS, LENDING),
            Set.of("FINANCING_GUARANTEE", "PRIVATE_LENDING", "SMALL_LOAN"), List.of(
            new CatalogueSection("FINANCING_GUARANTEE", Set.of("FINANCING_GUARANTEE"), List.of(OUTSTANDING.code(), NET_ASSETS.code())),
            new CatalogueSection("PRIVATE_LENDING", Set.of("PRIVATE_LENDING"), List.of(LENDING.code()))));

    @Test
    void picksTheSectionOfAnInstitutionsTypeAndNoneForATypeWithout() {
        assertThat(catalogue.hasSections()).isTrue();
        assertThat(catalogue.sectionFor("FINANCING_GUARANTEE")).map(CatalogueSection::name).contains("FINANCING_GUARANTEE");
        assertThat(catalogue.sectionFor("FINANCING_GUARANTEE").orElseThrow().holds(LENDING.code())).isFalse();
        assertThat(catalogue.sectionFor("SMALL_LOAN")).isEmpty();
    }

    @Test
    void expectsOnlyTheTypesWhoseSectionHoldsTheInputs() {
        assertThat(catalogue.reportingTypes()).contains(Set.of("FINANCING_GUARANTEE", "PRIVATE_LENDING"));
        assertThat(catalogue.typesReporting(Set.of(OUTSTANDING.code(), NET_ASSETS.code()))).contains(Set.of("FINANCING_GUARANTEE"));
        assertThat(catalogue.typesReporting(Set.of(NET_ASSETS.code(), LENDING.code())))
                .contains(Set.of("FINANCING_GUARANTEE", "PRIVATE_LENDING"));
    }

    @Test
    void expectsEveryTypeWithoutSections() {
        Catalogue plain = new Catalogue("credit-service", List.of(OUTSTANDING), Set.of("STATE_OWNED_BANK"));

        assertThat(plain.hasSections()).isFalse();
        assertThat(plain.sections()).isEmpty();
        assertThat(plain.reportingTypes()).isEqualTo(Optional.empty());
        assertThat(plain.typesReporting(Set.of(OUTSTANDING.code()))).isEqualTo(Optional.empty());
    }

    @Test
    void refusesASectionWithAnUnknownItemOrTypeOrATypeInTwoSections() {
        assertThatThrownBy(() -> new Catalogue("x", List.of(OUTSTANDING), Set.of("A"),
                List.of(new CatalogueSection("S", Set.of("A"), List.of("NO_SUCH_ITEM"))))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Catalogue("x", List.of(OUTSTANDING), Set.of("A"),
                List.of(new CatalogueSection("S", Set.of("B"), List.of(OUTSTANDING.code()))))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Catalogue("x", List.of(OUTSTANDING, NET_ASSETS), Set.of("A"), List.of(
                new CatalogueSection("S", Set.of("A"), List.of(OUTSTANDING.code())),
                new CatalogueSection("T", Set.of("A"), List.of(NET_ASSETS.code()))))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Item("X_CUM", "累计", "Cumulative", Unit.CNY, Kind.FLOW, false, true, true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
