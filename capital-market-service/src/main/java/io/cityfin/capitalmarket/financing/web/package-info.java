/** {@code POST/GET /direct-financing}, {@code GET/PUT /direct-financing/{id}}, {@code GET /direct-financing/{id}/versions}. */
@NullMarked
package io.cityfin.capitalmarket.financing.web;

import org.jspecify.annotations.NullMarked;
