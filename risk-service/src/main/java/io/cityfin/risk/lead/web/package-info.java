/** {@code /leads}: the generated contract implemented on the record machinery. */
@NullMarked
package io.cityfin.risk.lead.web;

import org.jspecify.annotations.NullMarked;
