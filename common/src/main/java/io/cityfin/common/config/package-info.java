/** Defaults and beans every CityFin app gets by having common on its classpath, each one replaceable. */
@NullMarked
package io.cityfin.common.config;

import org.jspecify.annotations.NullMarked;
