package io.cityfin.platform;

import io.cityfin.reporting.test.PublishedFigureChecks;

/** Published figures in platform-service: the machinery's checks ({@link PublishedFigureChecks}) on two of its indicators. */
class PlatformPublishedFigureIT extends PublishedFigureChecks {

    @Override
    protected String indicator() {
        return "PLATFORM_RATED_AA_OR_ABOVE_COUNT";
    }

    @Override
    protected String otherIndicator() {
        return "SHELL_PLATFORM_TARGET_COUNT";
    }
}
