/** What every CityFin app shares: periods, regions, problem answers, the indicator contract and app defaults. */
@NullMarked
package io.cityfin.common;

import org.jspecify.annotations.NullMarked;
