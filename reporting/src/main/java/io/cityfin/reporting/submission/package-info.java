/** Completeness of a period: each institution expected to report, SUBMITTED or MISSING, with counts. */
@NullMarked
package io.cityfin.reporting.submission;

import org.jspecify.annotations.NullMarked;
