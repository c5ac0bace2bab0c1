package io.cityfin.capitalmarket.enterprise;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The boards an enterprise lists on, in the table's order (data-standard-2.md, "Enterprises"): the first five are the
 * exchange boards; each has the pattern its stock codes match as a whole.
 */
public enum Board {
    MAIN_BOARD_SH("60[0135]\\d{3}"),
    STAR("68[89]\\d{3}"),
    MAIN_BOARD_SZ("00[0-3]\\d{3}"),
    CHINEXT("30[0-2]\\d{3}"),
    BSE("(43|83|87|88|92)\\d{4}"),
    OVERSEAS("[0-9A-Z]{1,10}\\.[A-Z]{2}"),
    NEEQ("(43|83|87)\\d{4}"),
    REGIONAL_EQUITY("[0-9A-Z]{4,12}");

    /** What an enterprise without an open listing answers as its board. */
    public static final String NONE = "NONE";

    private final Pattern stockCode;

    Board(String stockCode) {
        this.stockCode = Pattern.compile(stockCode);
    }

    public static Optional<Board> ofCode(String code) {
        for (Board board : values()) {
            if (board.name().equals(code)) {
                return Optional.of(board);
            }
        }
        return Optional.empty();
    }

    /** One of the five exchange boards (上交所主板, 科创板, 深交所主板, 创业板, 北交所). */
    public boolean isExchange() {
        return ordinal() <= BSE.ordinal();
    }

    /** An exchange board or OVERSEAS: a listing LISTED_COMPANY_COUNT counts, and a pipeline may target. */
    public boolean isListing() {
        return isExchange() || this == OVERSEAS;
    }

    public boolean matches(String code) {
        return stockCode.matcher(code).matches();
    }

    public String pattern() {
        return stockCode.pattern();
    }
}
