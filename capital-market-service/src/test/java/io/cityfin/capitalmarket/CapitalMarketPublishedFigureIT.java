package io.cityfin.capitalmarket;

import io.cityfin.reporting.test.PublishedFigureChecks;

/** Published figures in capital-market-service: the machinery's checks ({@link PublishedFigureChecks}) on two of its indicators. */
class CapitalMarketPublishedFigureIT extends PublishedFigureChecks {

    @Override
    protected String indicator() {
        return "DIRECT_FINANCING_YTD";
    }

    @Override
    protected String otherIndicator() {
        return "NEW_LISTINGS_YTD";
    }
}
