package io.cityfin.gateway.indicator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.indicator.api.model.IndicatorDto;

/**
 * A source's last good answer: its indicators and ETag ({@code null} when the service sent none), the generation
 * read before it was asked, when the service answered them and when it last confirmed them (a 200 or a 304).
 */
public record KeptAnswer(AnswerKey key, @Nullable String etag, List<IndicatorDto> indicators, long generation,
                         Instant answeredAt, Instant confirmedAt) {

    public KeptAnswer {
        indicators = List.copyOf(indicators);
    }

    /** The same figures, confirmed again by the service at {@code at}, current at {@code generation}. */
    public KeptAnswer confirmed(long generation, Instant at) {
        return new KeptAnswer(key, etag, indicators, Math.max(this.generation, generation), answeredAt, at);
    }

    /** Whether this answer may be served without asking its service: no write since, and confirmed recently enough. */
    public boolean currentAt(long generation, Instant now, Duration revalidateAfter) {
        return generation >= 0 && this.generation >= generation && !confirmedAt.plus(revalidateAfter).isBefore(now);
    }
}
