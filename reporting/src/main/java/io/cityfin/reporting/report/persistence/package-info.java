/** Report versions and lines in {@code report}, {@code report_version}, {@code report_line}. */
@NullMarked
package io.cityfin.reporting.report.persistence;

import org.jspecify.annotations.NullMarked;
