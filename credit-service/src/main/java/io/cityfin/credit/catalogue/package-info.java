/** What banks report to credit-service: the item catalogue, institution types and credit's refusal rules. */
@NullMarked
package io.cityfin.credit.catalogue;

import org.jspecify.annotations.NullMarked;
