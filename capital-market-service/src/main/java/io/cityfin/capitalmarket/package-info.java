/** capital-market-service: enterprises and their listing status, the IPO pipeline with milestones and plan dates, shareholding reforms, direct-financing issues, private funds; capital-market indicators. */
@NullMarked
package io.cityfin.capitalmarket;

import org.jspecify.annotations.NullMarked;
