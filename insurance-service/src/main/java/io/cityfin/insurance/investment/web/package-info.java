/** {@code POST/GET /investments}, {@code GET/PUT /investments/{id}}, {@code GET /investments/{id}/versions}. */
@NullMarked
package io.cityfin.insurance.investment.web;

import org.jspecify.annotations.NullMarked;
