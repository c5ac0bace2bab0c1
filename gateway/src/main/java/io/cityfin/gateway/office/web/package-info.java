/** The office page's answers: security headers (Content-Security-Policy and others) on every page and asset. */
@NullMarked
package io.cityfin.gateway.office.web;

import org.jspecify.annotations.NullMarked;
