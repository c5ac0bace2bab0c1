/** {@code POST/GET /platform-financing}, {@code GET/PUT /platform-financing/{id}}, {@code GET /platform-financing/{id}/versions}. */
@NullMarked
package io.cityfin.platform.financing.web;

import org.jspecify.annotations.NullMarked;
