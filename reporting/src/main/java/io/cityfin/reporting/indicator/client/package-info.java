/** The gateway client behind {@code PublishedIndicators}: other services' published indicators, read with the service's own key. */
@NullMarked
package io.cityfin.reporting.indicator.client;

import org.jspecify.annotations.NullMarked;
