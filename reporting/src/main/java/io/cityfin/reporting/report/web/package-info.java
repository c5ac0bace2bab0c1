/** HTTP adapter of reports: {@code PUT/GET /reports/{institutionCode}/{period}}, versions, withdrawal. */
@NullMarked
package io.cityfin.reporting.report.web;

import org.jspecify.annotations.NullMarked;
