package io.cityfin.risk.alert;

import java.math.BigDecimal;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What a rule found for one subject in a period: the subject's stable key (a region code, an institution code, a
 * record id), a name to show, its county-level region (or 361000 for the city), the measured value, the colour it
 * reaches and the threshold of that colour.
 */
public record Finding(String subject, String subjectName, String region, BigDecimal value, Colour colour,
                      @Nullable BigDecimal threshold) {

    public Finding {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(subjectName, "subjectName");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(colour, "colour");
    }
}
