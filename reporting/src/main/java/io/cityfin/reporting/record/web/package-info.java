/** What record controllers of every service answer with: status, ETag, total count. */
@NullMarked
package io.cityfin.reporting.record.web;

import org.jspecify.annotations.NullMarked;
