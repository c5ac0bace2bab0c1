/** The latest report version of each institution for a period, read from {@code report} and {@code report_version}. */
@NullMarked
package io.cityfin.reporting.submission.persistence;

import org.jspecify.annotations.NullMarked;
