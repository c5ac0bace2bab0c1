/**
 * The reporting machinery's configuration for capital market: no reported items, the securities-institution registry's
 * types, and the record indicators of direct financing, private funds and securities institutions.
 */
@NullMarked
package io.cityfin.capitalmarket.catalogue;

import org.jspecify.annotations.NullMarked;
