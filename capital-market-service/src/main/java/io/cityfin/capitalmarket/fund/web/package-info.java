/**
 * {@code POST/GET /private-funds}, {@code GET/PUT /private-funds/{id}} and its versions, {@code POST/GET
 * /private-funds/{id}/investments}, {@code GET/PUT /fund-investments/{id}} and its versions.
 */
@NullMarked
package io.cityfin.capitalmarket.fund.web;

import org.jspecify.annotations.NullMarked;
