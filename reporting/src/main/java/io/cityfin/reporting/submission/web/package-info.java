/** HTTP adapter of completeness: {@code GET /submissions?period=}. */
@NullMarked
package io.cityfin.reporting.submission.web;

import org.jspecify.annotations.NullMarked;
