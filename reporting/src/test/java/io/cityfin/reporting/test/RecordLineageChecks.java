package io.cityfin.reporting.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.common.identity.Role;
import io.cityfin.common.test.TestIdentity;
import io.cityfin.reporting.indicator.RecordRows;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lineage of every indicator a service's sheet lists, on its data, over HTTP (issue #16): every record reading
 * lists the versions that make it, and they add up to its total exactly; a measured record indicator's reading at the
 * period is its value; no reading is totals only; each version listed, and each version a row was read with, is a
 * record's (an id, a 64-hex content hash) or the registry's (an institution's code, no id, no hash). A service's demo
 * IT runs it and then asserts, on what {@link Seen} gathered, that its joined and registry rows were listed.
 */
public final class RecordLineageChecks {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebTestClient web;

    public RecordLineageChecks(WebTestClient web) {
        this.web = web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestIdentity.token(Role.ANALYST)).build();
    }

    /** What the lineages listed: the collections of the versions that add to a reading, and of those rows were read with. */
    public record Seen(Set<String> collections, Set<String> joinedCollections, int entries, int codes) {
    }

    /** Checks the lineage of every indicator of {@code period}'s sheet in {@code region} (a code, {@code 361000} the city). */
    public Seen everyIndicator(String period, String region) {
        JsonNode sheet = read("/indicators?period=" + period + "&region=" + region);
        List<String> codes = new ArrayList<>();
        sheet.get("indicators").forEach(indicator -> codes.add(indicator.get("code").asString()));
        assertThat(codes).as("the sheet's indicators").isNotEmpty();
        Set<String> collections = new TreeSet<>();
        Set<String> joined = new TreeSet<>();
        int[] entries = {0};
        for (String code : codes) {
            JsonNode lineage = read("/indicators/" + code + "/lineage?period=" + period + "&region=" + region);
            check(lineage, collections, joined, entries);
        }
        return new Seen(collections, joined, entries[0], codes.size());
    }

    private void check(JsonNode node, Set<String> collections, Set<String> joined, int[] entries) {
        String code = node.get("code").asString();
        if (node.hasNonNull("formula")) {
            assertThat(node.get("formula").asString()).as(code + "'s formula").doesNotContain("totals only");
        }
        for (JsonNode reading : node.get("readings")) {
            if (!reading.get("reports").isEmpty() || reading.hasNonNull("item")) {
                continue; // a report reading: checked by the report services' lineage ITs
            }
            String at = code + " at " + reading.get("period").asString();
            BigDecimal sum = BigDecimal.ZERO;
            for (JsonNode record : reading.get("records")) {
                version(record, at);
                sum = sum.add(record.get("value").decimalValue());
                collections.add(record.get("collection").asString());
                for (JsonNode with : record.get("joined")) {
                    version(with, at + " (joined)");
                    joined.add(with.get("collection").asString());
                }
                entries[0]++;
            }
            BigDecimal total = reading.hasNonNull("total") ? reading.get("total").decimalValue() : BigDecimal.ZERO;
            assertThat(sum).as(at + ": the versions listed add up to the total").isEqualByComparingTo(total);
            if ("PERIOD".equals(reading.get("role").asString()) && node.hasNonNull("value")) {
                assertThat(total).as(at + ": the reading is the value").isEqualByComparingTo(node.get("value").decimalValue());
            }
        }
        node.get("inputs").forEach(input -> check(input, collections, joined, entries));
    }

    /** A version as listed: a record's (id, content hash) or the registry's (code, neither). */
    private static void version(JsonNode version, String at) {
        assertThat(version.get("version").asInt()).as(at + ": a version number").isPositive();
        assertThat(version.hasNonNull("recordedAt")).as(at + ": recordedAt").isTrue();
        if (RecordRows.REGISTRY.equals(version.get("collection").asString())) {
            assertThat(version.hasNonNull("key")).as(at + ": a registry version names its code").isTrue();
            assertThat(version.hasNonNull("id") || version.hasNonNull("contentHash")).as(at + ": a registry version has no id nor hash").isFalse();
        } else {
            assertThat(UUID.fromString(version.get("id").asString())).as(at + ": a record's id").isNotNull();
            assertThat(version.get("contentHash").asString()).as(at + ": a record's content hash").matches("[0-9a-f]{64}");
        }
    }

    private JsonNode read(String uri) {
        byte[] body = web.get().uri(uri).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return JSON.readTree(body);
    }
}
