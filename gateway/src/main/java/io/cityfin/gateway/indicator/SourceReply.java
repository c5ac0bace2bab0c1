package io.cityfin.gateway.indicator;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.indicator.api.model.IndicatorDto;

/** What a service said to the fan-out's request: its indicators, or that the ones it was told of still hold (304). */
public sealed interface SourceReply {

    @Nullable String etag();

    record Answered(@Nullable String etag, List<IndicatorDto> indicators) implements SourceReply {
    }

    record NotModified(@Nullable String etag) implements SourceReply {
    }
}
