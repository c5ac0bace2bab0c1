/** The monthly bulletin: written from the indicators as HTML and PDF, issued and kept as sent. */
@NullMarked
package io.cityfin.gateway.bulletin;

import org.jspecify.annotations.NullMarked;
