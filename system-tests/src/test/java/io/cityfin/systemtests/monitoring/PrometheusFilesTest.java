package io.cityfin.systemtests.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Prometheus files of {@code infra/prometheus}: {@code promtool} accepts both scrape configurations and the rules,
 * the rules' unit tests pass, and both configurations scrape each app's Actuator at its management port (the app's
 * public port from its application.yml, plus 1000). promtool comes with Debian's {@code prometheus} package, which
 * {@code .ci/run} installs; without it these tests fail rather than skip.
 */
class PrometheusFilesTest {

    private static final Path ROOT = Path.of(System.getProperty("cityfin.root", "..")).toAbsolutePath().normalize();
    private static final Path PROMETHEUS = ROOT.resolve("infra/prometheus");
    private static final Pattern PUBLIC_PORT = Pattern.compile("port: \\$\\{PORT:(\\d+)}");

    @Test
    void promtoolAcceptsBothScrapeConfigurationsWithTheirRules() throws Exception {
        promtool("check", "config", "prometheus.yml");
        promtool("check", "config", "prometheus-local.yml");
    }

    @Test
    void promtoolAcceptsTheRulesAndTheirUnitTestsPass() throws Exception {
        List<String> command = new ArrayList<>(List.of("check", "rules"));
        try (var rules = Files.list(PROMETHEUS.resolve("rules"))) {
            rules.map(path -> "rules/" + path.getFileName()).sorted().forEach(command::add);
        }
        promtool(command.toArray(String[]::new));
        promtool("test", "rules", "tests/alerts-test.yml");
    }

    @Test
    void bothConfigurationsScrapeEveryAppAtItsManagementPort() throws IOException {
        Map<String, Integer> managementPorts = new TreeMap<>();
        for (String app : List.of("gateway", "credit-service", "insurance-service", "capital-market-service",
                "platform-service", "risk-service")) {
            Matcher port = PUBLIC_PORT.matcher(Files.readString(ROOT.resolve(app + "/src/main/resources/application.yml")));
            assertThat(port.find()).as(app + "'s server.port").isTrue();
            managementPorts.put(app, Integer.parseInt(port.group(1)) + 1000);
        }

        Map<String, String> compose = new TreeMap<>();
        managementPorts.forEach((app, port) -> compose.put(app, app + ":" + port));
        assertThat(targets("prometheus.yml")).isEqualTo(compose);
        Map<String, String> local = new TreeMap<>();
        managementPorts.forEach((app, port) -> local.put(app, "127.0.0.1:" + port));
        assertThat(targets("prometheus-local.yml")).isEqualTo(local);
    }

    /** job name → its one target, each job scraping /actuator/prometheus. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> targets(String file) throws IOException {
        Map<String, String> targets = new TreeMap<>();
        try (InputStream in = Files.newInputStream(PROMETHEUS.resolve(file))) {
            Map<String, Object> config = new Yaml().load(in);
            for (Map<String, Object> job : (List<Map<String, Object>>) config.get("scrape_configs")) {
                assertThat(job.get("metrics_path")).as(job.get("job_name") + " in " + file).isEqualTo("/actuator/prometheus");
                List<Map<String, Object>> statics = (List<Map<String, Object>>) job.get("static_configs");
                List<String> jobTargets = (List<String>) statics.get(0).get("targets");
                assertThat(jobTargets).hasSize(1);
                targets.put((String) job.get("job_name"), jobTargets.get(0));
            }
        }
        return targets;
    }

    private static void promtool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("promtool");
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(PROMETHEUS.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            fail("promtool is not installed: install Debian's prometheus package (README, \"Testing\")", e);
            return;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + output).isZero();
    }
}
