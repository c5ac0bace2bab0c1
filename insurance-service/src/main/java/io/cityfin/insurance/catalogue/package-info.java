/** What insurers report to insurance-service: the item catalogue, insurer types, rules and derived indicators. */
@NullMarked
package io.cityfin.insurance.catalogue;

import org.jspecify.annotations.NullMarked;
