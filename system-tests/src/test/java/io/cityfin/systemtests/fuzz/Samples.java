package io.cityfin.systemtests.fuzz;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Values a valid request can use, by name: what the contracts leave loose on the wire (item codes, regions, institution
 * codes, ids) comes from the running platform (its catalogue, registry and records), so that a valid request reaches
 * the rules and the database instead of stopping at an unknown code. Names are looked up as
 * {@code <service>.<name>} first, then {@code <name>}.
 */
public final class Samples {

    private final Map<String, List<String>> values = new HashMap<>();

    private final Map<String, List<JsonNode>> bodies = new HashMap<>();

    /** What every run knows without asking the platform: the city's regions and periods with demo data. */
    public static Samples defaults() {
        Samples samples = new Samples();
        samples.add("region", "361002", "361003", "361021", "361022", "361023", "361024", "361025", "361026", "361027",
                "361028", "361030", "361090");
        samples.add("queryRegion", "361000", "361002", "361025", "361090");
        samples.add("period", "2022-09", "2022-06", "2022-12", "2022-09-D2");
        samples.add("queryPeriod", "2022-09", "2022-Q3", "2022", "2022-09-D1", "2023-03");
        samples.add("year", "2022", "2023");
        samples.add("version", "1", "2");
        samples.add("date", "2022-06-28", "2022-01-15");
        samples.add("activeFrom", "1998-01-01", "2005-06-30");
        samples.add("channel", "DEBT_PLAN", "EQUITY", "FUND", "OTHER");
        samples.add("status", "ACTIVE");
        samples.add("kind", "FLOW", "INCREASE", "BALANCE");
        samples.add("reviewed", "true", "false");
        samples.add("label", "contract fuzzer");
        samples.add("name", "抚州市测试银行", "Fuzz Test Bank");
        samples.add("project", "抚州市测试项目", "Fuzz test project");
        samples.add("roles", "PORTAL", "ANALYST");
        return samples;
    }

    public Samples add(String name, String... more) {
        values.computeIfAbsent(name, key -> new ArrayList<>()).addAll(List.of(more));
        return this;
    }

    public Samples replace(String name, List<String> more) {
        values.put(name, new ArrayList<>(more));
        return this;
    }

    /** A known-good request body of {@code operationId} (of {@code service}), taken from the platform's own data. */
    public Samples addBody(String service, String operationId, JsonNode body) {
        bodies.computeIfAbsent(service + "." + operationId, key -> new ArrayList<>()).add(body.deepCopy());
        return this;
    }

    /** One of the values named {@code name} for {@code service}, or {@code null} if there is none. */
    public String pick(String service, String name, Random random) {
        List<String> list = values.get(service + "." + name);
        if (list == null || list.isEmpty()) {
            list = values.get(name);
        }
        return list == null || list.isEmpty() ? null : list.get(random.nextInt(list.size()));
    }

    public List<String> all(String service, String name) {
        List<String> list = values.get(service + "." + name);
        return list == null ? values.getOrDefault(name, List.of()) : list;
    }

    /** A copy of one known-good body, or {@code null}. */
    public JsonNode body(String service, String operationId, Random random) {
        List<JsonNode> list = bodies.get(service + "." + operationId);
        return list == null || list.isEmpty() ? null : list.get(random.nextInt(list.size())).deepCopy();
    }
}
