/**
 * Enterprises with their listings, shareholding reform, reserve pool and 专精特新 recognition, and their IPO pipelines
 * (挂图作战), as versioned records on the reporting machinery (data-standard-2.md, "Enterprises" and "IPO pipelines"):
 * their refusal rules, their evaluation at a day D, the indicators measured on them and the demo enterprises;
 * {@code web}: {@code /enterprises}.
 */
@NullMarked
package io.cityfin.capitalmarket.enterprise;

import org.jspecify.annotations.NullMarked;
