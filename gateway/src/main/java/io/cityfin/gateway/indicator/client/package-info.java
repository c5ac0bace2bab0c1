/** The one indicator client (generated from the shared contract), pointed at each service's base URL. */
@NullMarked
package io.cityfin.gateway.indicator.client;

import org.jspecify.annotations.NullMarked;
