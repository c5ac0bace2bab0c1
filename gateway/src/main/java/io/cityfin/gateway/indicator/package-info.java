/** The consolidated indicators: fan-out to the five services, merge, and a status per source. */
@NullMarked
package io.cityfin.gateway.indicator;

import org.jspecify.annotations.NullMarked;
