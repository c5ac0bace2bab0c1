/** {@code /published-figures}: the record machinery's standard operations and a filtered list. */
@NullMarked
package io.cityfin.reporting.published.web;

import org.jspecify.annotations.NullMarked;
