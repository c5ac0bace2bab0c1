package io.cityfin.gateway.indicator;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;
import reactor.core.publisher.Mono;

/**
 * Port: one service's {@code GET /indicators}, asked for the current caller, with {@code If-None-Match} when the
 * gateway holds an answer of it; fails with {@link SourceUnavailableException} when it cannot answer (down, slow, 5xx,
 * breaker open) and with {@link SourceRefusedException} when it refused the request (4xx).
 */
public interface ServiceIndicators {

    /** {@code timeout}: how long to wait for the answer before failing with {@link SourceUnavailableException}. */
    Mono<SourceReply> fetch(String service, Period period, Region region, @Nullable String ifNoneMatch, Duration timeout);
}
