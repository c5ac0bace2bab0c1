/** Institution versions in {@code institution_version}. */
@NullMarked
package io.cityfin.reporting.institution.persistence;

import org.jspecify.annotations.NullMarked;
