/** Runs the whole CityFin platform on one machine: PostgreSQL, the six apps, their readiness and their stop. */
@org.jspecify.annotations.NullMarked
package io.cityfin.launcher;
