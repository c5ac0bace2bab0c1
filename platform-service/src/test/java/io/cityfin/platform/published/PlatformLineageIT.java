package io.cityfin.platform.published;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.common.identity.Role;
import io.cityfin.common.test.TestIdentity;
import io.cityfin.common.test.WithOwnPostgres;
import io.cityfin.platform.financing.TestPlatforms;
import io.cityfin.platform.registry.Platform;
import io.cityfin.reporting.record.RecordService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lineage of a service without reports: PLATFORM_FINANCING_YTD derived from its own non-market financing and capital
 * market's published DF_PLATFORM_YTD (read through a stand-in gateway), which the lineage names rather than lists; the
 * financing is listed with the platform version that places it, and follows the platform when it moves county.
 */
// a context, and so a database, no other class shares (perClass): its totals count only its records
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "cityfin.demo-data=false")
@AutoConfigureWebTestClient(timeout = "30s")
@WithOwnPostgres(perClass = true)
class PlatformLineageIT {

    private static final String KEY = "cfk_platform_service_test_key";
    private static final StubGateway GATEWAY = new StubGateway(KEY);
    private static final String PLATFORM = "91361000PF0000008R";

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry properties) {
        properties.add("cityfin.published.gateway-url", GATEWAY::url);
        properties.add("cityfin.published.api-key", () -> KEY);
    }

    @AfterAll
    static void stopGateway() {
        GATEWAY.stop();
    }

    @Autowired
    WebTestClient web;

    @Autowired
    RecordService<Platform> platforms;

    @Test
    void describesTheFinancingAndNamesTheImportedFiguresSource() {
        new TestPlatforms(platforms).register(PLATFORM, Platform.COUNTY, "361002", TestPlatforms.active("2015-01-01"));
        as(Role.ADMIN).post().uri("/platform-financing").contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue("{\"platform\": \"" + PLATFORM + "\", \"instrument\": \"BANK_LOAN\", \"amount\": 500000000.00, \"issuedOn\": \"2022-03-15\"}")
                .exchange().expectStatus().isCreated();

        String body = as(Role.ANALYST).get().uri("/indicators/PLATFORM_FINANCING_YTD/lineage?period=2022-09").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        JsonNode lineage = JsonMapper.builder().build().readTree(body);

        assertThat(lineage.get("service").asString()).isEqualTo("platform-service");
        // the stand-in's 2,300,000,000.00 + own 500,000,000.00
        assertThat(lineage.get("value").decimalValue()).isEqualByComparingTo("2800000000.00");
        assertThat(lineage.get("formula").asString()).contains("PLATFORM_DIRECT_FINANCING_YTD");
        assertThat(lineage.get("readings")).isEmpty();
        JsonNode direct = input(lineage, "PLATFORM_DIRECT_FINANCING_YTD");
        assertThat(direct.get("formula").asString()).isEqualTo("capital-market-service DF_PLATFORM_YTD");
        assertThat(direct.get("readings")).isEmpty();
        assertThat(direct.get("value").decimalValue()).isEqualByComparingTo("2300000000.00");
        JsonNode own = input(lineage, "PLATFORM_NON_MARKET_FINANCING_YTD");
        JsonNode period = own.get("readings").get(0);
        assertThat(period.get("role").asString()).isEqualTo("PERIOD");
        assertThat(period.get("total").decimalValue()).isEqualByComparingTo("500000000.00");
        // the financing record, read with the platform version that places it in its county
        JsonNode financing = period.get("records").get(0);
        assertThat(period.get("records")).hasSize(1);
        assertThat(financing.get("collection").asString()).isEqualTo("platform-financing");
        assertThat(financing.get("value").decimalValue()).isEqualByComparingTo("500000000.00");
        assertThat(financing.get("joined")).singleElement().satisfies(platform -> {
            assertThat(platform.get("collection").asString()).isEqualTo("platforms");
            assertThat(platform.get("key").asString()).isEqualTo(PLATFORM);
            assertThat(platform.get("version").asInt()).isEqualTo(1);
            assertThat(platform.get("contentHash").asString()).matches("[0-9a-f]{64}");
        });

        // the platform moves to 南城县: the financing counts there, read with the platform's new version, and no longer in 临川区
        new TestPlatforms(platforms).register(PLATFORM, Platform.COUNTY, "361021", TestPlatforms.active("2015-01-01"));
        JsonNode moved = reading(lineage("PLATFORM_NON_MARKET_FINANCING_YTD", "361021"), "PERIOD");
        assertThat(moved.get("total").decimalValue()).isEqualByComparingTo("500000000.00");
        assertThat(moved.get("records")).singleElement().satisfies(record -> assertThat(record.get("joined")).singleElement()
                .satisfies(platform -> assertThat(platform.get("version").asInt()).isEqualTo(2)));
        JsonNode left = reading(lineage("PLATFORM_NON_MARKET_FINANCING_YTD", "361002"), "PERIOD");
        assertThat(left.get("total").decimalValue()).isZero();
        assertThat(left.get("records")).isEmpty();

        as(Role.PORTAL).get().uri("/indicators/PLATFORM_FINANCING_YTD/lineage?period=2022-09").exchange().expectStatus().isForbidden();
        as(Role.ANALYST).get().uri("/indicators/LOAN_BALANCE/lineage?period=2022-09").exchange().expectStatus().isNotFound();
    }

    private JsonNode lineage(String code, String region) {
        String body = as(Role.ANALYST).get().uri("/indicators/" + code + "/lineage?period=2022-09&region=" + region).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        return JsonMapper.builder().build().readTree(body);
    }

    private static JsonNode reading(JsonNode lineage, String role) {
        for (JsonNode reading : lineage.get("readings")) {
            if (role.equals(reading.get("role").asString())) {
                return reading;
            }
        }
        throw new AssertionError("no " + role + " reading in " + lineage);
    }

    private static JsonNode input(JsonNode lineage, String code) {
        for (JsonNode input : lineage.get("inputs")) {
            if (code.equals(input.get("code").asString())) {
                return input;
            }
        }
        throw new AssertionError("no input " + code + " in " + lineage);
    }

    private WebTestClient as(Role role) {
        return web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestIdentity.token(role)).build();
    }
}
