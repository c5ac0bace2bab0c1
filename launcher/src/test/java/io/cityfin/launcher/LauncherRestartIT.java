package io.cityfin.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher for real, with the embedded PostgreSQL and six stand-in apps (one small jar compiled here that answers
 * 200 on its management port and prints which keys it was given, as fingerprints, never a key): who gets which
 * service key and the gateway URL, and one app stopped and started again while the others run, as the system test
 * of a service that goes away does with the real apps.
 */
class LauncherRestartIT {

    private static final String STAND_IN = """
            import com.sun.net.httpserver.HttpServer;
            import java.net.InetSocketAddress;

            public class StandIn {
                public static void main(String[] args) throws Exception {
                    for (String name : new String[] {"CITYFIN_GATEWAY_URL", "CITYFIN_PLATFORM_SERVICE_API_KEY",
                            "CITYFIN_RISK_SERVICE_API_KEY"}) {
                        String value = System.getenv(name);
                        String shown = value == null ? "unset" : name.endsWith("_KEY") ? StandIn.fingerprint(value) : value;
                        System.out.println("stand-in " + name + "=" + shown);
                    }
                    for (String port : new String[] {System.getenv("PORT"), System.getenv("MANAGEMENT_PORT")}) {
                        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(port)), 0);
                        server.createContext("/", exchange -> {
                            exchange.sendResponseHeaders(200, -1);
                            exchange.close();
                        });
                        server.start();
                    }
                    System.out.println("stand-in ready");
                }

                static String fingerprint(String key) {
                    return "fp" + Integer.toHexString(key.hashCode());
                }
            }
            """;

    @TempDir
    Path repo;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    private Launcher launcher;

    @AfterEach
    void stopEverything() {
        if (launcher != null) {
            launcher.stop();
        }
    }

    @Test
    void givesEachServiceKeyToTheGatewayAndItsServiceAndStartsAStoppedAppAgain() throws Exception {
        standInJars();
        int base = FreePorts.base();
        Map<String, String> environment = new HashMap<>();
        environment.put("CITYFIN_PORT_BASE", Integer.toString(base));
        environment.put("CITYFIN_DB_PORT", Integer.toString(FreePorts.one()));
        environment.put("CITYFIN_JAVA_OPTS", "-Xmx32m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        environment.put("CITYFIN_START_TIMEOUT_SECONDS", "120");
        environment.put("CITYFIN_RISK_SERVICE_API_KEY", "cfk_risk-key-from-the-environment-0123456789");
        launcher = Launcher.create(environment, repo, new PrintStream(output, true, StandardCharsets.UTF_8));

        assertThat(launcher.start()).as(printed()).isZero();

        String platformKey = Files.readString(repo.resolve(".cityfin/platform-service-api-key"));
        String platform = "stand-in CITYFIN_PLATFORM_SERVICE_API_KEY=" + fingerprint(platformKey);
        String risk = "stand-in CITYFIN_RISK_SERVICE_API_KEY=" + fingerprint("cfk_risk-key-from-the-environment-0123456789");
        String gatewayUrl = "stand-in CITYFIN_GATEWAY_URL=http://127.0.0.1:" + base;
        assertThat(log("gateway")).contains(platform, risk, "stand-in CITYFIN_GATEWAY_URL=unset");
        assertThat(log("platform-service")).contains(platform, gatewayUrl, "stand-in CITYFIN_RISK_SERVICE_API_KEY=unset");
        assertThat(log("risk-service")).contains(risk, gatewayUrl, "stand-in CITYFIN_PLATFORM_SERVICE_API_KEY=unset");
        for (String module : new String[] {"credit-service", "insurance-service", "capital-market-service"}) {
            assertThat(log(module)).contains("stand-in CITYFIN_GATEWAY_URL=unset", "stand-in CITYFIN_PLATFORM_SERVICE_API_KEY=unset",
                    "stand-in CITYFIN_RISK_SERVICE_API_KEY=unset");
        }
        assertThat(printed()).doesNotContain(platformKey).doesNotContain("cfk_risk-key-from-the-environment-0123456789");

        ProcessHandle first = launcher.process("capital-market-service").orElseThrow();
        ProcessHandle gateway = launcher.process("gateway").orElseThrow();

        launcher.stop("capital-market-service");

        assertThat(first.isAlive()).isFalse();
        assertThat(gateway.isAlive()).isTrue();

        assertThat(launcher.start("capital-market-service")).as(printed()).isZero();

        ProcessHandle second = launcher.process("capital-market-service").orElseThrow();
        assertThat(second.pid()).isNotEqualTo(first.pid());
        assertThat(second.isAlive()).isTrue();
        assertThat(gateway.isAlive()).isTrue();
        assertThat(log("capital-market-service").split("cityfin launcher starts capital-market-service", -1)).hasSize(3);
        assertThat(printed()).contains("capital-market-service ready");
    }

    private static String fingerprint(String key) {
        return "fp" + Integer.toHexString(key.hashCode());
    }

    private String log(String module) throws IOException {
        return Files.readString(repo.resolve(".cityfin/logs/" + module + ".log"));
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    /** One jar with {@code StandIn} as its main class, at every app's jar path. */
    private void standInJars() throws IOException {
        Path sources = Files.createDirectories(repo.resolve("stand-in"));
        Path source = Files.writeString(sources.resolve("StandIn.java"), STAND_IN);
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", sources.toString(), source.toString());
        assertThat(compiled).isZero();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "StandIn");
        Path jar = repo.resolve("stand-in.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("StandIn.class"));
            out.write(Files.readAllBytes(sources.resolve("StandIn.class")));
            out.closeEntry();
        }
        for (AppSpec app : AppSpec.ALL) {
            Files.createDirectories(app.jar(repo).getParent());
            Files.copy(jar, app.jar(repo));
        }
    }
}
