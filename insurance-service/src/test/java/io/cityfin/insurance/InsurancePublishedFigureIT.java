package io.cityfin.insurance;

import io.cityfin.reporting.test.PublishedFigureChecks;

/** Published figures in insurance-service: the machinery's checks ({@link PublishedFigureChecks}) on two of its indicators. */
class InsurancePublishedFigureIT extends PublishedFigureChecks {

    @Override
    protected String indicator() {
        return "PREMIUM_PC_YTD";
    }

    @Override
    protected String otherIndicator() {
        return "PREMIUM_LIFE_YTD";
    }
}
