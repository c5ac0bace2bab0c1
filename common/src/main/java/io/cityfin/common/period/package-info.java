/** Reporting periods (year, quarter, month, ten-day), their days, and "today" in the city's time zone. */
@NullMarked
package io.cityfin.common.period;

import org.jspecify.annotations.NullMarked;
