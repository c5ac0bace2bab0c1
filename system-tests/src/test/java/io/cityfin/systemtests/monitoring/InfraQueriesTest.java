package io.cityfin.systemtests.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the metric names of infra/ are found, and that a name nobody exposes is reported. */
class InfraQueriesTest {

    static final Path INFRA = Path.of(System.getProperty("cityfin.root", "..")).resolve("infra");

    @Test
    void findsTheMetricsOfAnExpressionButNotItsFunctionsLabelsRangesOrKeywords() {
        assertThat(PromQl.metricNames("""
                sum by (application) (rate(http_server_requests_seconds_count{status=~"5..", uri!~"/actuator.*"}[5m]))
                  / on (application) group_left sum without (status) (rate(other_total[$__rate_interval] offset 1h))
                  > 0.05 and on () day_of_month() > 5
                """)).containsExactly("http_server_requests_seconds_count", "other_total");
        assertThat(PromQl.metricNames("histogram_quantile(0.95, sum by (le) (rate(x_seconds_bucket{a=\"b}\"}[1m])))"))
            .containsExactly("x_seconds_bucket");
        assertThat(PromQl.metricNames("up == 0")).containsExactly("up");
        assertThat(PromQl.metricNames("label_replace(a_total, \"dst\", \"$1\", \"src\", \"(.*)\")")).containsExactly("a_total");
        assertThat(PromQl.metricNames("max by (name) (resilience4j_circuitbreaker_state{state=~\"open|forced_open\"}) == 1"))
            .containsExactly("resilience4j_circuitbreaker_state");
    }

    @Test
    void readsEveryRuleAndEveryPanelOfTheInfraFolder() throws IOException {
        List<InfraQueries.Query> queries = InfraQueries.in(INFRA);

        Map<String, Long> perFile = queries.stream().collect(Collectors.groupingBy(
                query -> query.where().substring(0, query.where().indexOf(' ')), Collectors.counting()));
        try (var rules = Files.list(INFRA.resolve("prometheus/rules"));
             var dashboards = Files.list(INFRA.resolve("grafana/dashboards"))) {
            Set<String> files = java.util.stream.Stream.concat(rules, dashboards)
                .map(path -> path.getFileName().toString()).collect(Collectors.toSet());
            assertThat(perFile.keySet()).as("every rule file and dashboard has expressions").isEqualTo(files);
        }
        assertThat(queries).allSatisfy(query -> assertThat(query.metricNames()).as(query.where()).isNotEmpty());
        Set<String> names = queries.stream().flatMap(query -> query.metricNames().stream()).collect(Collectors.toSet());
        assertThat(names).contains("cityfin_reports_submitted_total", "cityfin_reports_expected", "cityfin_fanout_seconds_bucket",
                "resilience4j_circuitbreaker_state", "http_server_requests_seconds_bucket", "up");
    }

    @Test
    void reportsAPanelOrRuleNamingAMetricNoAppExposes(@TempDir Path copy) throws IOException {
        Files.createDirectories(copy.resolve("prometheus/rules"));
        Files.createDirectories(copy.resolve("grafana/dashboards"));
        Files.writeString(copy.resolve("prometheus/rules/a.yml"), """
                groups:
                  - name: g
                    rules:
                      - alert: Known
                        expr: up == 0 or known_total > 1
                      - alert: Typo
                        expr: rate(knwon_total[5m]) > 1
                """);
        Files.writeString(copy.resolve("grafana/dashboards/d.json"), """
                {"panels": [{"type": "row", "title": "r", "panels": [
                   {"title": "Inside a collapsed row", "targets": [{"expr": "sum(rate(made_up_seconds_count[1m]))"}]}]},
                  {"title": "Fine", "targets": [{"expr": "known_total"}]}],
                 "templating": {"list": [{"name": "v", "query": {"query": "label_values(gone_total, application)"}}]}}
                """);

        Set<String> unknown = InfraQueries.unknownMetrics(InfraQueries.in(copy), Set.of("known_total"));

        assertThat(unknown).containsExactly("a.yml Typo: knwon_total", "d.json panel 'Inside a collapsed row': made_up_seconds_count",
                "d.json variable v: gone_total");
    }
}
