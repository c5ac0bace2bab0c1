package io.cityfin.credit.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import io.cityfin.reporting.catalogue.Catalogue;
import io.cityfin.reporting.catalogue.Item;

/** The contract a bank's developer reads names exactly the items and types the service takes. */
class CreditContractTest {

    private static final Pattern ITEM_ROW = Pattern.compile("^\\s*\\| ([A-Z_]+) \\| [^|]+ \\| (\\w+) \\| (\\w+) \\| (yes)? *\\|$", Pattern.MULTILINE);

    private final Catalogue catalogue = new CreditCatalogueConfiguration().creditCatalogue();

    @Test
    void listsEveryItemWithItsUnitKindAndTenDayFlag() throws IOException {
        String contract = contract();
        Matcher rows = ITEM_ROW.matcher(contract);
        Set<String> documented = new java.util.HashSet<>();
        while (rows.find()) {
            Item item = catalogue.item(rows.group(1)).orElseThrow(() -> new AssertionError("not in the catalogue: " + rows.group(1)));
            assertThat(rows.group(2)).as(item.code() + " unit").isEqualTo(item.unit().name());
            assertThat(rows.group(3)).as(item.code() + " kind").isEqualTo(item.kind().name());
            assertThat(rows.group(4) != null).as(item.code() + " ten-day").isEqualTo(item.tenDay());
            documented.add(item.code());
        }

        assertThat(documented).isEqualTo(catalogue.items().stream().map(Item::code).collect(Collectors.toSet()));
    }

    @Test
    void namesEveryInstitutionType() throws IOException {
        String contract = contract();

        assertThat(catalogue.institutionTypes()).allSatisfy(type -> assertThat(contract).contains(type));
    }

    private static String contract() throws IOException {
        return new ClassPathResource("openapi/credit-service.yaml").getContentAsString(StandardCharsets.UTF_8);
    }
}
