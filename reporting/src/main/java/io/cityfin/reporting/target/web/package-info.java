/** HTTP adapter of {@code PUT/GET /targets/{year}}. */
@NullMarked
package io.cityfin.reporting.target.web;

import org.jspecify.annotations.NullMarked;
