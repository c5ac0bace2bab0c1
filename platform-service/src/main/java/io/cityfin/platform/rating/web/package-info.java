/** {@code POST/GET /platforms/{uscc}/ratings}, {@code PUT/GET /ratings/{id}} and {@code GET /ratings/{id}/versions}. */
@NullMarked
package io.cityfin.platform.rating.web;

import org.jspecify.annotations.NullMarked;
