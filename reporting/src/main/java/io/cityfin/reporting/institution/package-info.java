/** The registry of institutions that report to a service, every change kept as a version. */
@NullMarked
package io.cityfin.reporting.institution;

import org.jspecify.annotations.NullMarked;
