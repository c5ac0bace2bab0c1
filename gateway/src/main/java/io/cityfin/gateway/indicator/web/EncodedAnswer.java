package io.cityfin.gateway.indicator.web;

import io.cityfin.common.indicator.api.model.ConsolidatedIndicatorSetDto;

/**
 * A merged answer already encoded: the controller keeps one per ETag served, and {@link EncodedAnswerWriter} writes its
 * bytes as they are, so an unchanged answer is not encoded again on every request (Jackson was a fifth of the gateway's
 * samples on this path, bench/README.md). The bytes are what the app's own JSON mapper makes of the DTO it extends.
 */
final class EncodedAnswer extends ConsolidatedIndicatorSetDto {

    private final transient byte[] json;

    /** {@code answer} with its encoding; the fields are the answer's too, so any other writer would write the same. */
    EncodedAnswer(ConsolidatedIndicatorSetDto answer, byte[] json) {
        period(answer.getPeriod()).region(answer.getRegion()).generatedAt(answer.getGeneratedAt())
                .yearElapsedPct(answer.getYearElapsedPct()).indicators(answer.getIndicators()).sources(answer.getSources());
        this.json = json;
    }

    byte[] json() {
        return json;
    }
}
