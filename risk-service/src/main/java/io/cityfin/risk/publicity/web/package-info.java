/** {@code /publicity}: the generated contract implemented on the record machinery. */
@NullMarked
package io.cityfin.risk.publicity.web;

import org.jspecify.annotations.NullMarked;
