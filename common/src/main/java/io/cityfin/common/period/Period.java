package io.cityfin.common.period;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period: {@code 2022}, {@code 2022-Q3}, {@code 2022-09} or {@code 2022-09-D1|D2|D3}.
 *
 * <p>{@code month} is the calendar month for MONTH and TEN_DAY, the quarter (1-4) for QUARTER and 0 for YEAR;
 * {@code tenDay} is 1-3 for TEN_DAY and 0 otherwise. Ten-day periods cover days 1-10, 11-20 and 21 to the
 * month's end. Balances are as of {@link #lastDay()}; a quarter or a year is read as its last month.
 *
 * <p>No period starts before {@value #MIN_YEAR}: CityFin keeps no figures from before then, and every period it
 * derives (the year start, a year earlier, the previous period) is one it could also be asked about. A derivation
 * that would fall before the floor is empty, never an exception, so an answer about {@code 1990-06} carries
 * {@code null} comparisons. Dates such as an institution's {@code activeFrom} are plain dates with no floor.
 */
public record Period(PeriodType type, int year, int month, int tenDay) implements Comparable<Period> {

    private static final Pattern FORM = Pattern.compile(
            "(?<year>\\d{4})(?:-Q(?<quarter>\\d)|-(?<month>\\d{2})(?:-D(?<tenDay>\\d))?)?");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** The first year of any period (architecture.md, "Errors": a period before 1990 is a bad parameter). */
    public static final int MIN_YEAR = 1990;
    private static final int MAX_YEAR = 9999;

    public Period {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw malformed("year " + year + " is out of range: periods run from " + MIN_YEAR + " to " + MAX_YEAR);
        }
        switch (type) {
            case YEAR -> require(month == 0 && tenDay == 0, "a year has no month");
            case QUARTER -> require(month >= 1 && month <= 4 && tenDay == 0, "quarter must be Q1 to Q4");
            case MONTH -> require(month >= 1 && month <= 12 && tenDay == 0, "month must be 01 to 12");
            case TEN_DAY -> require(month >= 1 && month <= 12 && tenDay >= 1 && tenDay <= 3,
                    "a ten-day period is D1, D2 or D3 of a month 01 to 12");
        }
    }

    public static Period year(int year) {
        return new Period(PeriodType.YEAR, year, 0, 0);
    }

    public static Period quarter(int year, int quarter) {
        return new Period(PeriodType.QUARTER, year, quarter, 0);
    }

    public static Period month(int year, int month) {
        return new Period(PeriodType.MONTH, year, month, 0);
    }

    public static Period tenDay(int year, int month, int tenDay) {
        return new Period(PeriodType.TEN_DAY, year, month, tenDay);
    }

    /** Parses the canonical text form; anything else is an {@link InvalidPeriodException}. */
    public static Period parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw malformed("'" + text + "' is not a period: use YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-D1|D2|D3");
        }
        int year = Integer.parseInt(m.group("year"));
        if (m.group("quarter") != null) {
            return quarter(year, Integer.parseInt(m.group("quarter")));
        }
        if (m.group("month") == null) {
            return year(year);
        }
        int month = Integer.parseInt(m.group("month"));
        return m.group("tenDay") == null ? month(year, month) : tenDay(year, month, Integer.parseInt(m.group("tenDay")));
    }

    /** Parses a period a caller asks about: it must not start after {@code today}. */
    public static Period parseNotFuture(String text, LocalDate today) {
        Period period = parse(text);
        if (period.firstDay().isAfter(today)) {
            throw new InvalidPeriodException(InvalidPeriodException.IN_FUTURE,
                    "period " + period + " starts after today (" + today + ", Asia/Shanghai)");
        }
        return period;
    }

    public LocalDate firstDay() {
        return switch (type) {
            case YEAR -> LocalDate.of(year, 1, 1);
            case QUARTER -> LocalDate.of(year, month * 3 - 2, 1);
            case MONTH -> LocalDate.of(year, month, 1);
            case TEN_DAY -> LocalDate.of(year, month, (tenDay - 1) * 10 + 1);
        };
    }

    public LocalDate lastDay() {
        return switch (type) {
            case YEAR -> LocalDate.of(year, 12, 31);
            case QUARTER -> YearMonth.of(year, month * 3).atEndOfMonth();
            case MONTH -> YearMonth.of(year, month).atEndOfMonth();
            case TEN_DAY -> tenDay == 3 ? YearMonth.of(year, month).atEndOfMonth() : LocalDate.of(year, month, tenDay * 10);
        };
    }

    /** The period whose figures this period shows: a quarter or a year is its last month, others themselves. */
    public Period reportingPeriod() {
        return switch (type) {
            case YEAR -> month(year, 12);
            case QUARTER -> month(year, month * 3);
            case MONTH, TEN_DAY -> this;
        };
    }

    /**
     * December of the previous year: the base of every "since the year start" figure; empty for a period of
     * {@value #MIN_YEAR}, whose year start falls before the floor.
     */
    public Optional<Period> previousDecember() {
        return year > MIN_YEAR ? Optional.of(month(year - 1, 12)) : Optional.empty();
    }

    /** The same period a year earlier: the base of every year-on-year figure; empty for a period of {@value #MIN_YEAR}. */
    public Optional<Period> sameLastYear() {
        return year > MIN_YEAR ? Optional.of(new Period(type, year - 1, month, tenDay)) : Optional.empty();
    }

    /**
     * The period of the same type just before this one (previous month, previous ten-day period, ...); empty for the
     * first one of its type ({@code 1990}, {@code 1990-Q1}, {@code 1990-01}, {@code 1990-01-D1}).
     */
    public Optional<Period> previous() {
        boolean firstOfYear = switch (type) {
            case YEAR -> true;
            case QUARTER, MONTH -> month == 1;
            case TEN_DAY -> month == 1 && tenDay == 1;
        };
        if (firstOfYear && year == MIN_YEAR) {
            return Optional.empty();
        }
        return Optional.of(switch (type) {
            case YEAR -> year(year - 1);
            case QUARTER -> month == 1 ? quarter(year - 1, 4) : quarter(year, month - 1);
            case MONTH -> month == 1 ? month(year - 1, 12) : month(year, month - 1);
            case TEN_DAY -> {
                if (tenDay > 1) {
                    yield tenDay(year, month, tenDay - 1);
                }
                yield month == 1 ? tenDay(year - 1, 12, 3) : tenDay(year, month - 1, 3);
            }
        });
    }

    /** Share of the year's days elapsed at {@link #lastDay()}, counting that day, in percent with 2 decimals. */
    public BigDecimal yearElapsedPct() {
        LocalDate last = lastDay();
        return BigDecimal.valueOf(last.getDayOfYear())
                .multiply(HUNDRED)
                .divide(BigDecimal.valueOf(last.lengthOfYear()), 2, RoundingMode.HALF_UP);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
    }

    @Override
    public int compareTo(Period other) {
        int byLastDay = lastDay().compareTo(other.lastDay());
        return byLastDay != 0 ? byLastDay : firstDay().compareTo(other.firstDay());
    }

    /**
     * The period's text, as {@link #parse} reads it. Built by hand, not with {@code String.format}: an indicator answer
     * turns periods into text thousands of times, and the formatter was 3 % of credit's CPU per call (bench/README.md).
     * The year always has four digits ({@value #MIN_YEAR} to 9999).
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(10).append(year);
        switch (type) {
            case YEAR -> { }
            case QUARTER -> text.append("-Q").append(month);
            case MONTH -> twoDigitMonth(text);
            case TEN_DAY -> twoDigitMonth(text).append("-D").append(tenDay);
        }
        return text.toString();
    }

    private StringBuilder twoDigitMonth(StringBuilder text) {
        return text.append(month < 10 ? "-0" : "-").append(month);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw malformed(message);
        }
    }

    private static InvalidPeriodException malformed(String message) {
        return new InvalidPeriodException(InvalidPeriodException.MALFORMED, message);
    }
}
