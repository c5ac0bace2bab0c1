/** The bulletin's operations (generated BulletinApi): HTML or PDF by Accept, issuing, the issued bulletin. */
@NullMarked
package io.cityfin.gateway.bulletin.web;

import org.jspecify.annotations.NullMarked;
