package io.cityfin.common.http;

import java.time.Clock;

import io.cityfin.common.period.CityClock;
import io.cityfin.common.period.InvalidPeriodException;
import io.cityfin.common.period.Period;
import io.cityfin.common.problem.InvalidParameterException;
import io.cityfin.common.region.Region;

import org.jspecify.annotations.Nullable;

/** Parses the period and region parameters of a query into 400 problems that name the parameter. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** A period a caller asks about: well-formed and not starting after today (Asia/Shanghai). */
    public static Period period(String name, @Nullable String value, Clock clock) {
        if (value == null || value.isBlank()) {
            throw new InvalidParameterException(name, "MISSING_PARAMETER", "Parameter '" + name + "' is required.");
        }
        try {
            return Period.parseNotFuture(value, CityClock.today(clock));
        } catch (InvalidPeriodException e) {
            throw new InvalidParameterException(name, e.code(), e.getMessage());
        }
    }

    /** A region filter: none or {@code 361000} means the whole city. */
    public static Region region(String name, @Nullable String value) {
        if (value == null || value.isEmpty()) {
            return Region.CITY;
        }
        return Region.ofCode(value).orElseThrow(() -> new InvalidParameterException(name, Region.UNKNOWN_REGION,
                "'" + value + "' is not a region of the city (GB/T 2260 code such as 361002)."));
    }
}
