package io.cityfin.credit;

import io.cityfin.reporting.test.PublishedFigureChecks;

/** Published figures in credit-service: the machinery's checks ({@link PublishedFigureChecks}) on two of its indicators. */
class CreditPublishedFigureIT extends PublishedFigureChecks {

    @Override
    protected String indicator() {
        return "DEPOSIT_BALANCE";
    }

    @Override
    protected String otherIndicator() {
        return "LOAN_BALANCE";
    }
}
