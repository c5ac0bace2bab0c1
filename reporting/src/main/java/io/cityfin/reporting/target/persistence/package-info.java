/** Target sets in {@code target_set} and {@code target_line}. */
@NullMarked
package io.cityfin.reporting.target.persistence;

import org.jspecify.annotations.NullMarked;
