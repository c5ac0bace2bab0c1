/** Annual targets on any indicator, each year's set versioned as a whole. */
@NullMarked
package io.cityfin.reporting.target;

import org.jspecify.annotations.NullMarked;
