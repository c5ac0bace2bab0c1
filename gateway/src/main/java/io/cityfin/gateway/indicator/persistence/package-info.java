/** The consolidated endpoint's generations and kept answers in the gateway's PostgreSQL (R2DBC). */
@NullMarked
package io.cityfin.gateway.indicator.persistence;

import org.jspecify.annotations.NullMarked;
