/** Warnings in {@code report_warning}, reached through {@code report} (latest versions) and {@code report_version}. */
@NullMarked
package io.cityfin.reporting.warning.persistence;

import org.jspecify.annotations.NullMarked;
