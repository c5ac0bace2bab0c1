/** Switches the reporting machinery on in every service that has it on its classpath. */
@NullMarked
package io.cityfin.reporting.config;

import org.jspecify.annotations.NullMarked;
