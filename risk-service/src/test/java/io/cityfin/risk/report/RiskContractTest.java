package io.cityfin.risk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import io.cityfin.reporting.catalogue.Catalogue;
import io.cityfin.reporting.catalogue.Item;

/** The contract a guarantee company's developer reads names exactly the items the service takes, and risk's own rule codes. */
class RiskContractTest {

    private static final Pattern ITEM_ROW = Pattern.compile("^\\s*\\| ([A-Z_]+) \\| [^|]+ \\| (\\w+) \\| (\\w+) \\| (yes)? *\\|$", Pattern.MULTILINE);

    private final Catalogue catalogue = new RiskCatalogueConfiguration().riskCatalogue();

    @Test
    void listsEveryItemWithItsUnitAndKind() throws IOException {
        Matcher rows = ITEM_ROW.matcher(contract());
        Set<String> documented = new HashSet<>();
        while (rows.find()) {
            Item item = catalogue.item(rows.group(1)).orElseThrow(() -> new AssertionError("not in the catalogue: " + rows.group(1)));
            assertThat(rows.group(2)).as(item.code() + " unit").isEqualTo(item.unit().name());
            assertThat(rows.group(3)).as(item.code() + " kind").isEqualTo(item.kind().name());
            assertThat(rows.group(4) != null).as(item.code() + " ten-day").isEqualTo(item.tenDay());
            assertThat(item.cumulative()).as(item.code() + " cumulative").isEqualTo(item.code().endsWith("_CUM"));
            documented.add(item.code());
        }

        assertThat(documented).isEqualTo(catalogue.items().stream().map(Item::code).collect(Collectors.toSet()));
    }

    @Test
    void namesEveryRefusalAndWarningCodeOfRisksReports() throws IOException {
        String contract = contract();

        assertThat(Set.of(RiskCatalogueConfiguration.FEE_WITHOUT_NEW_AMOUNT, RiskCatalogueConfiguration.FEE_SAVING_EXCEEDS_AMOUNT,
                RiskCatalogueConfiguration.AMOUNT_WITHOUT_ENTERPRISES, RiskWarningRules.LEVERAGE_ABOVE_CAP, RiskWarningRules.LISTED_FEE_ABOVE_CAP,
                RiskWarningRules.NEW_PRIVATE_LENDING, "ITEM_NOT_IN_INSTITUTION_CATALOGUE", "NO_CATALOGUE_FOR_TYPE", "CUMULATIVE_DECREASED"))
                .allSatisfy(code -> assertThat(contract).contains("`" + code + "`"));
        assertThat(catalogue.institutionTypes()).allSatisfy(type -> assertThat(contract).contains(type));
    }

    private static String contract() throws IOException {
        return new ClassPathResource("openapi/risk-service.yaml").getContentAsString(StandardCharsets.UTF_8);
    }
}
