/** Issued bulletins in the gateway's database (V3): their bytes, the figures and the sources' versions they used. */
@NullMarked
package io.cityfin.gateway.bulletin.persistence;

import org.jspecify.annotations.NullMarked;
