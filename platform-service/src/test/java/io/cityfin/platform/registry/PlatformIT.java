package io.cityfin.platform.registry;

import static io.cityfin.platform.PlatformWeb.entry;
import static io.cityfin.platform.PlatformWeb.platform;
import static io.cityfin.platform.PlatformWeb.uscc;
import static io.cityfin.platform.PlatformWeb.withStatus;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.common.identity.Role;
import io.cityfin.common.period.CityClock;
import io.cityfin.common.test.WithOwnPostgres;
import io.cityfin.platform.PlatformWeb;

/**
 * The registry on real PostgreSQL, on a database of its own: versions, ETag and If-Match, lists, and every refusal of
 * data-standard-2.md "Registry" with its pointer and nothing stored. The parent rules read other platform records.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cityfin.demo-data=false")
@AutoConfigureWebTestClient(timeout = "30s")
@WithOwnPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformIT {

    @Autowired
    WebTestClient client;

    PlatformWeb web;
    String group;

    @BeforeAll
    void calls() {
        web = new PlatformWeb(client);
        group = web.activeL1("361000", "2016-05-01");
    }

    @Test
    void recordsVersionOneThenTheNextVersionAndAnswersUnchangedContentWithTheLatest() {
        String uscc = uscc("361021");
        String first = platform("COUNTY", "361021", entry("2015-03-01", "ACTIVE", "L1", null));

        web.putPlatform(uscc, first).expectStatus().isCreated().expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"").expectBody()
                .jsonPath("$.uscc").isEqualTo(uscc)
                .jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.status").isEqualTo("ACTIVE")
                .jsonPath("$.tier").isEqualTo("COUNTY")
                .jsonPath("$.history[0].level").isEqualTo("L1")
                .jsonPath("$.contentHash").value(hash -> assertThat(hash.toString()).hasSize(64));
        web.putPlatform(uscc, first).expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"");
        String folded = platform("COUNTY", "361021", entry("2015-03-01", "ACTIVE", "L1", null), entry("2021-04-01", "ACTIVE", "L2", group));
        web.putPlatform(Role.ADMIN, uscc, folded, "\"1\"").expectStatus().isCreated().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody().jsonPath("$.history[1].parent").isEqualTo(group);
        web.putPlatform(Role.ADMIN, uscc, first, "\"1\"").expectStatus().isEqualTo(412).expectBody()
                .jsonPath("$.errors[0].code").isEqualTo("VERSION_MISMATCH");

        web.get("/platforms/{uscc}", uscc).expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"");
        web.get("/platforms/{uscc}/versions", uscc).expectStatus().isOk().expectBody()
                .jsonPath("$[*].version").value(versions -> assertThat((List<Object>) versions).containsExactly(1, 2));
        web.putPlatform(uscc, withStatus(folded, "WITHDRAWN")).expectStatus().isCreated().expectBody().jsonPath("$.status").isEqualTo("WITHDRAWN");
    }

    @Test
    void listsPlatformsByTierAndRegionWithTheirTotal() {
        web.activeL1("361030", "2014-01-01");
        web.activeL1("361030", "2014-02-01");

        web.get("/platforms?tier=COUNTY&region=361030&limit=1").expectStatus().isOk().expectHeader().valueEquals("X-Total-Count", "2")
                .expectBody().jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].region").isEqualTo("361030");
        web.get("/platforms?tier=CITY&region=361030").expectStatus().isOk().expectHeader().valueEquals("X-Total-Count", "0");
        web.get("/platforms?tier=PROVINCE").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].parameter").isEqualTo("tier").jsonPath("$.errors[0].code").isEqualTo("UNKNOWN_TIER");
        web.get("/platforms?region=360100").expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].code").isEqualTo("UNKNOWN_REGION");
    }

    @Test
    void letsOnlyStaffReadAndWrite() {
        String uscc = uscc("361022");
        web.putPlatform(Role.PORTAL, uscc, platform("COUNTY", "361022", entry("2015-03-01", "ACTIVE", "L1", null)), null)
                .expectStatus().isForbidden();
        web.as(Role.PORTAL).get().uri("/platforms/{uscc}", group).exchange().expectStatus().isForbidden();
        web.as(Role.PORTAL).get().uri("/platforms").exchange().expectStatus().isForbidden();
        web.get("/platforms/{uscc}", uscc).expectStatus().isNotFound();
    }

    Stream<Arguments> refusals() {
        String tomorrow = CityClock.today(CityClock.system()).plusDays(1).toString();
        String r = "361023";
        String active = entry("2015-03-01", "ACTIVE", "L1", null);
        String county = platform("COUNTY", r, active);
        return Stream.of(
                Arguments.of("MISSING_VALUE", county.replace("\"name\": \"抚州测试投资有限公司\", ", ""), "/name"),
                Arguments.of("MISSING_VALUE", county.replace("\"tier\": \"COUNTY\", ", ""), "/tier"),
                Arguments.of("UNKNOWN_TIER", platform("PROVINCE", r, active), "/tier"),
                Arguments.of("MISSING_VALUE", county.replace("\"region\": \"361023\", ", ""), "/region"),
                Arguments.of("UNKNOWN_REGION", platform("COUNTY", "360100", active), "/region"),
                Arguments.of("TIER_REGION_MISMATCH", platform("CITY", r, active), "/region"),
                Arguments.of("TIER_REGION_MISMATCH", platform("COUNTY", "361000", active), "/region"),
                Arguments.of("MISSING_VALUE", platform("COUNTY", r), "/history"),
                Arguments.of("MISSING_VALUE", platform("COUNTY", r, "null"), "/history/0"),
                Arguments.of("MISSING_VALUE", county.replace("\"from\": \"2015-03-01\", ", ""), "/history/0/from"),
                Arguments.of("MISSING_VALUE", county.replace("\"level\": \"L1\", ", ""), "/history/0/level"),
                Arguments.of("INVALID_DATE", platform("COUNTY", r, entry("2021-02-30", "ACTIVE", "L1", null)), "/history/0/from"),
                Arguments.of("DATE_IN_FUTURE", platform("COUNTY", r, entry(tomorrow, "ACTIVE", "L1", null)), "/history/0/from"),
                Arguments.of("HISTORY_NOT_INCREASING", platform("COUNTY", r, active, entry("2015-03-01", "SHELL", "L1", null)), "/history/1/from"),
                Arguments.of("UNKNOWN_PLATFORM_STATUS", platform("COUNTY", r, entry("2015-03-01", "CLOSED", "L1", null)), "/history/0/status"),
                Arguments.of("UNKNOWN_LEVEL", platform("COUNTY", r, entry("2015-03-01", "ACTIVE", "L3", null)), "/history/0/level"),
                Arguments.of("STATUS_NOT_ALLOWED", platform("COUNTY", r, entry("2015-03-01", "DEREGISTERED", "L1", null)), "/history/0/status"),
                Arguments.of("STATUS_NOT_ALLOWED", platform("COUNTY", r, active, entry("2016-03-01", "ACTIVE", "L1", null)), "/history/1/status"),
                Arguments.of("STATUS_NOT_ALLOWED", platform("COUNTY", r, active, entry("2016-03-01", "DEREGISTERED", "L1", null),
                        entry("2017-03-01", "ACTIVE", "L1", null)), "/history/2/status"),
                Arguments.of("PARENT_MISSING", platform("COUNTY", r, entry("2017-03-01", "ACTIVE", "L2", null)), "/history/0/parent"),
                Arguments.of("PARENT_MISSING", platform("COUNTY", r, active, entry("2017-03-01", "MERGED", "L1", null)), "/history/1/parent"),
                Arguments.of("PARENT_NOT_ALLOWED", platform("COUNTY", r, entry("2017-03-01", "ACTIVE", "L1", group)), "/history/0/parent"),
                Arguments.of("PARENT_NOT_ALLOWED", platform("COUNTY", r, entry("2017-03-01", "SHELL", "L1", group)), "/history/0/parent"),
                Arguments.of("INVALID_USCC", platform("COUNTY", r, entry("2017-03-01", "ACTIVE", "L2", "91361000MA35DEM01X")), "/history/0/parent"),
                Arguments.of("PARENT_IS_ITSELF", platform("COUNTY", r, entry("2017-03-01", "ACTIVE", "L2", "SELF")), "/history/0/parent"),
                Arguments.of("PARENT_NOT_ACTIVE_L1", platform("COUNTY", r, entry("2017-03-01", "ACTIVE", "L2", uscc("361000"))), "/history/0/parent"),
                Arguments.of("PARENT_NOT_ACTIVE_L1", platform("COUNTY", r, entry("2016-04-30", "ACTIVE", "L2", group)), "/history/0/parent"),
                Arguments.of("UNKNOWN_STATUS", withStatus(county, "DELETED"), "/status"));
    }

    @ParameterizedTest(name = "{0} at {2}")
    @MethodSource("refusals")
    void refusesAPlatformThatBreaksARuleWithItsPointerAndStoresNothing(String code, String body, String pointer) {
        String uscc = uscc("361023");

        PlatformWeb.refused(web.putPlatform(uscc, body.replace("SELF", uscc)), code, pointer);

        web.get("/platforms/{uscc}", uscc).expectStatus().isNotFound();
    }

    @Test
    void refusesAChangeToAStoredPlatformAndKeepsItsVersions() {
        String uscc = uscc("361024");
        String shell = platform("COUNTY", "361024", entry("2017-03-01", "ACTIVE", "L2", group), entry("2020-06-15", "SHELL", "L2", group));
        web.putPlatform(uscc, shell).expectStatus().isCreated();
        // a parent that is a shell (not L1 ACTIVE) at the merger's date; the group is ACTIVE L1 at every date here
        String shellGroup = uscc("361000");
        web.putPlatform(shellGroup, platform("CITY", "361000", entry("2016-01-01", "SHELL", "L1", null))).expectStatus().isCreated();

        PlatformWeb.refused(web.putPlatform(uscc, platform("COUNTY", "361024", entry("2017-03-01", "ACTIVE", "L2", group),
                entry("2020-06-15", "SHELL", "L2", group), entry("2021-01-01", "MERGED", "L2", shellGroup))), "PARENT_NOT_ACTIVE_L1", "/history/2/parent");
        PlatformWeb.refused(web.putPlatform(uscc, platform("COUNTY", "361024", entry("2017-03-01", "ACTIVE", "L2", group),
                entry("2020-06-15", "SHELL", "L2", group), entry("2021-01-01", "SHELL", "L2", group))), "STATUS_NOT_ALLOWED", "/history/2/status");

        web.get("/platforms/{uscc}/versions", uscc).expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1);
        web.putPlatform(uscc, platform("COUNTY", "361024", entry("2017-03-01", "ACTIVE", "L2", group), entry("2020-06-15", "SHELL", "L2", group),
                entry("2021-01-01", "DEREGISTERED", "L2", group))).expectStatus().isCreated();
    }

    @Test
    void answersEveryFaultAtOnce() {
        web.putPlatform(uscc("361023"), platform("CITY", "361023", entry("2015-03-01", "MERGED", "L3", null)))
                .expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.errors[*].code").value(codes -> assertThat((List<Object>) codes)
                        .containsExactlyInAnyOrder("TIER_REGION_MISMATCH", "UNKNOWN_LEVEL", "STATUS_NOT_ALLOWED"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"91361000MA35DEM01X", "91361000MA35DEM01", "not-a-uscc"})
    void refusesAMalformedUsccNamingThePathParameter(String uscc) {
        web.putPlatform(uscc, platform("COUNTY", "361023", entry("2015-03-01", "ACTIVE", "L1", null))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].parameter").isEqualTo("uscc").jsonPath("$.errors[0].code").isEqualTo("INVALID_USCC");
        web.get("/platforms/{uscc}/versions", uscc).expectStatus().isBadRequest();
    }
}
