/** The machinery every domain service configures rather than copies; today its indicator output. */
@NullMarked
package io.cityfin.reporting;

import org.jspecify.annotations.NullMarked;
