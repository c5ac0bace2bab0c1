/** Web plumbing every app shares: query-parameter parsing and the published OpenAPI documents. */
@NullMarked
package io.cityfin.common.http;

import org.jspecify.annotations.NullMarked;
