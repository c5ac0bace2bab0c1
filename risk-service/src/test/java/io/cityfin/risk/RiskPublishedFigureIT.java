package io.cityfin.risk;

import io.cityfin.reporting.test.PublishedFigureChecks;

/** Published figures in risk-service: the machinery's checks ({@link PublishedFigureChecks}) on two of its indicators. */
class RiskPublishedFigureIT extends PublishedFigureChecks {

    @Override
    protected String indicator() {
        return "AIF_PUBLICITY_SETTINGS_YTD";
    }

    @Override
    protected String otherIndicator() {
        return "AIF_PUBLICITY_EVENTS_YTD";
    }
}
