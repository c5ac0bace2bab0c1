/** {@code PUT/GET /enterprises/{uscc}}, {@code GET /enterprises}, {@code PUT/GET /enterprises/{uscc}/pipeline} and their versions. */
@NullMarked
package io.cityfin.capitalmarket.enterprise.web;

import org.jspecify.annotations.NullMarked;
