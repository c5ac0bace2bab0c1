/** HTTP adapter of the institution registry: {@code PUT/GET /institutions}. */
@NullMarked
package io.cityfin.reporting.institution.web;

import org.jspecify.annotations.NullMarked;
