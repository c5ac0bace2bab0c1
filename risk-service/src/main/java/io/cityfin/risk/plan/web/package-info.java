/** {@code /repayment-plans}: the generated contract implemented on the record machinery. */
@NullMarked
package io.cityfin.risk.plan.web;

import org.jspecify.annotations.NullMarked;
