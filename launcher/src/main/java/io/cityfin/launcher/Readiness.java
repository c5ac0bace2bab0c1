package io.cityfin.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Polls each app's readiness endpoint until all answer 200, one dies, the time limit passes or the launcher stops. */
final class Readiness {

    private final HttpClient client;

    private final Duration interval;

    private final Duration requestTimeout;

    Readiness(Duration interval, Duration requestTimeout) {
        this.client = HttpClient.newBuilder()
            .connectTimeout(requestTimeout)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
        this.interval = interval;
        this.requestTimeout = requestTimeout;
    }

    /** One app to wait for: its name, readiness URL, and whether its process still lives. */
    record Probe(String name, URI uri, BooleanSupplier alive) {
    }

    /** How the wait ended. */
    sealed interface Outcome {
    }

    record AllReady(Duration elapsed) implements Outcome {
    }

    record Died(Probe probe) implements Outcome {
    }

    record TimedOut(List<Probe> notReady) implements Outcome {
    }

    record Cancelled() implements Outcome {
    }

    Outcome await(List<Probe> probes, Duration limit, Consumer<Probe> onReady, BooleanSupplier cancelled)
            throws InterruptedException {
        long start = System.nanoTime();
        List<Probe> pending = new ArrayList<>(probes);
        while (true) {
            for (Probe probe : List.copyOf(pending)) {
                if (cancelled.getAsBoolean()) {
                    return new Cancelled();
                }
                if (!probe.alive().getAsBoolean()) {
                    return new Died(probe);
                }
                if (isReady(probe.uri())) {
                    pending.remove(probe);
                    onReady.accept(probe);
                }
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (pending.isEmpty()) {
                return new AllReady(elapsed);
            }
            if (elapsed.compareTo(limit) >= 0) {
                return new TimedOut(List.copyOf(pending));
            }
            Thread.sleep(interval.toMillis());
        }
    }

    private boolean isReady(URI uri) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout).GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        }
        catch (IOException ex) {
            return false; // not listening yet, or too slow to answer: ask again next round
        }
    }

}
