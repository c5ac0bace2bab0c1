/** The city's GB/T 2260 region codes: the city itself and its districts and counties. */
@NullMarked
package io.cityfin.common.region;

import org.jspecify.annotations.NullMarked;
