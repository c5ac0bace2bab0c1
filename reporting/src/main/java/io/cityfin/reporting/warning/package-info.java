/** The review list of warnings stored on report versions: analysts mark them reviewed, once. */
@NullMarked
package io.cityfin.reporting.warning;

import org.jspecify.annotations.NullMarked;
