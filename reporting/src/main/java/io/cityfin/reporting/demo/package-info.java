/** Demo data a service ships in {@code classpath:demo/<service>-demo.json}, loaded through its own use cases. */
@NullMarked
package io.cityfin.reporting.demo;

import org.jspecify.annotations.NullMarked;
