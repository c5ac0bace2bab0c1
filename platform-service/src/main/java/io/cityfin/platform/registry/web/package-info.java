/** {@code PUT/GET /platforms/{uscc}}, {@code GET /platforms/{uscc}/versions} and {@code GET /platforms}. */
@NullMarked
package io.cityfin.platform.registry.web;

import org.jspecify.annotations.NullMarked;
