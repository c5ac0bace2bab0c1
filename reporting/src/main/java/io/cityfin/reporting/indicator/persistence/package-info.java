/** The SQL aggregates behind report-based indicators: sums over the latest versions, by period and region. */
@NullMarked
package io.cityfin.reporting.indicator.persistence;

import org.jspecify.annotations.NullMarked;
