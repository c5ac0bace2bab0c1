/**
 * Published figures: what a public document printed for an indicator's member (indicator, field, period, region), as
 * versioned records of the record machinery, in every service; staff write, every role reads.
 */
@NullMarked
package io.cityfin.reporting.published;

import org.jspecify.annotations.NullMarked;
