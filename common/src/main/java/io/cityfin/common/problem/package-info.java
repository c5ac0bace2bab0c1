/** RFC 9457 problem answers with the field-error list of architecture.md, "Errors", for every app. */
@NullMarked
package io.cityfin.common.problem;

import org.jspecify.annotations.NullMarked;
