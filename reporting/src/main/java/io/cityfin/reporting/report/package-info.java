/** Periodic reports: refusal and warning rules, canonical content, append-only versions and their history. */
@NullMarked
package io.cityfin.reporting.report;

import org.jspecify.annotations.NullMarked;
