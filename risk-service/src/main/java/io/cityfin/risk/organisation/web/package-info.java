/** {@code /institutions/{code}/ratings/{year}}, {@code /institutions/{code}/actions} and {@code /actions/{id}}. */
@NullMarked
package io.cityfin.risk.organisation.web;

import org.jspecify.annotations.NullMarked;
