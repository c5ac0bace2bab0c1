package io.cityfin.capitalmarket.enterprise;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.cityfin.reporting.record.RecordChecks;

import io.cityfin.common.problem.FieldError;
import io.cityfin.reporting.record.RecordContext;
import io.cityfin.reporting.record.StaffRecordType;
import io.cityfin.reporting.record.RecordWarning;
import io.cityfin.reporting.record.UniqueClaim;
import reactor.core.publisher.Mono;

/**
 * Enterprises as records keyed by USCC (data-standard-2.md, "Enterprises"). Refused: a missing name, region, reform
 * status or listing member (MISSING_VALUE); an unknown region (UNKNOWN_REGION, CITY_REGION_ON_RECORD); a malformed
 * date (INVALID_DATE) or an actual one after today (DATE_IN_FUTURE); an unknown board or {@code NONE} in a listing
 * (UNKNOWN_BOARD); a stock code not of its board (STOCK_CODE_MISMATCH); {@code delistedOn} before {@code listedOn}
 * (DELISTED_BEFORE_LISTED); two listings on one board, or a NEEQ and a BSE listing, overlapping (LISTING_OVERLAP); a
 * (board, stock code) open on another enterprise at the same time (STOCK_CODE_TAKEN, a unique claim); an unknown reform
 * status (UNKNOWN_REFORM_STATUS); SIGNED without {@code signedOn} (SIGNED_ON_MISSING); a {@code completedOn} on a
 * reform not COMPLETED (COMPLETED_ON_NOT_COMPLETED); {@code completedOn} before {@code signedOn}
 * (COMPLETED_BEFORE_SIGNED); NONE with dates (REFORM_DATES_WITHOUT_REFORM); {@code reservePool.until} before
 * {@code since} (RESERVE_POOL_UNTIL_BEFORE_SINCE); an exchange-board or NEEQ listing while the reform is not
 * COMPLETED, or listed before it was (REFORM_NOT_COMPLETED). Warning: REGION_CHANGED. Written and read by ADMIN and
 * ANALYST.
 */
public class EnterpriseType implements StaffRecordType<Enterprise> {

    public static final String COLLECTION = "enterprises";
    public static final String LISTING_CLAIM = "listing";
    public static final Set<String> REFORM_STATUSES = Set.of(Enterprise.NONE, Enterprise.SIGNED, Enterprise.COMPLETED);

    private final Clock clock;

    public EnterpriseType(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Class<Enterprise> contentType() {
        return Enterprise.class;
    }

    @Override
    public @Nullable String region(Enterprise content) {
        return content.region();
    }

    @Override
    public Mono<List<FieldError>> faults(Enterprise content, RecordContext context) {
        return Mono.fromSupplier(() -> faults(content));
    }

    /** Every fault of {@code content}, today being the city's. */
    public List<FieldError> faults(Enterprise content) {
        RecordRules rules = new RecordRules(clock);
        rules.present(content.name(), "/name");
        rules.countyRegion(content.region(), "/region");
        rules.actualDate(content.specialisedSmeSince(), "/specialisedSmeSince");
        reservePool(content.reservePool(), rules);
        Reform reform = reform(content.shareholdingReform(), rules);
        listings(content.listings(), reform, rules);
        return rules.faults();
    }

    @Override
    public List<RecordWarning> warnings(Enterprise content, RecordContext context) {
        Optional<Enterprise> previous = context.previous(Enterprise.class);
        if (previous.isPresent() && !Objects.equals(previous.get().region(), content.region())) {
            return List.of(new RecordWarning("/region", "REGION_CHANGED", "The region changed from " + previous.get().region() + " to "
                    + content.region() + ": the enterprise's counts in past periods move with it."));
        }
        return List.of();
    }

    /** Each listing's (board, stock code) over its days, which no other enterprise may hold on any of them. */
    @Override
    public List<UniqueClaim> claims(Enterprise content) {
        List<UniqueClaim> claims = new ArrayList<>();
        List<Enterprise.@Nullable Listing> listings = content.listings() == null ? List.of() : content.listings();
        for (int i = 0; i < listings.size(); i++) {
            Enterprise.Listing listing = listings.get(i);
            if (listing == null || listing.board() == null || listing.stockCode() == null) {
                continue;
            }
            claims.add(new UniqueClaim(LISTING_CLAIM, listing.board() + ":" + listing.stockCode(), RecordChecks.dayOrNull(listing.listedOn()),
                    RecordChecks.dayOrNull(listing.delistedOn()), "/listings/" + i + "/stockCode", "STOCK_CODE_TAKEN",
                    listing.stockCode() + " on " + listing.board() + " is listed for another enterprise at the same time."));
        }
        return claims;
    }

    @Override
    public String collection() {
        return COLLECTION;
    }

    private static void reservePool(Enterprise.@Nullable ReservePool pool, RecordRules rules) {
        if (pool == null) {
            return;
        }
        LocalDate since = rules.present(pool.since(), "/reservePool/since") ? rules.actualDate(pool.since(), "/reservePool/since") : null;
        LocalDate until = rules.date(pool.until(), "/reservePool/until");
        if (since != null && until != null && until.isBefore(since)) {
            rules.add("/reservePool/until", "RESERVE_POOL_UNTIL_BEFORE_SINCE", "An enterprise leaves the reserve pool after it entered it.");
        }
    }

    /** The reform's status and completion day as far as they are valid. */
    private record Reform(@Nullable String status, @Nullable LocalDate completedOn) {
    }

    private static Reform reform(Enterprise.@Nullable ShareholdingReform reform, RecordRules rules) {
        if (!rules.present(reform, "/shareholdingReform") || !rules.present(reform.status(), "/shareholdingReform/status")) {
            return new Reform(null, null);
        }
        String status = reform.status();
        if (!REFORM_STATUSES.contains(status)) {
            rules.add("/shareholdingReform/status", "UNKNOWN_REFORM_STATUS", "A reform's status is NONE, SIGNED or COMPLETED.");
        }
        LocalDate signed = rules.actualDate(reform.signedOn(), "/shareholdingReform/signedOn");
        LocalDate completed = rules.actualDate(reform.completedOn(), "/shareholdingReform/completedOn");
        if (Enterprise.NONE.equals(status)) {
            if (reform.signedOn() != null) {
                rules.add("/shareholdingReform/signedOn", "REFORM_DATES_WITHOUT_REFORM", "A reform of status NONE has no dates.");
            }
            if (reform.completedOn() != null) {
                rules.add("/shareholdingReform/completedOn", "REFORM_DATES_WITHOUT_REFORM", "A reform of status NONE has no dates.");
            }
        } else if (Enterprise.SIGNED.equals(status)) {
            if (reform.signedOn() == null) {
                rules.add("/shareholdingReform/signedOn", "SIGNED_ON_MISSING", "A SIGNED reform says when it was signed.");
            }
            if (reform.completedOn() != null) {
                rules.add("/shareholdingReform/completedOn", "COMPLETED_ON_NOT_COMPLETED", "Only a COMPLETED reform has a completedOn.");
            }
        }
        if (signed != null && completed != null && completed.isBefore(signed)) {
            rules.add("/shareholdingReform/completedOn", "COMPLETED_BEFORE_SIGNED", "A reform is completed on or after it was signed.");
        }
        return new Reform(status, completed);
    }

    private static void listings(@Nullable List<Enterprise.@Nullable Listing> listings, Reform reform, RecordRules rules) {
        if (!rules.present(listings, "/listings")) {
            return;
        }
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < listings.size(); i++) {
            String at = "/listings/" + i;
            Enterprise.Listing listing = listings.get(i);
            if (!rules.present(listing, at)) {
                continue;
            }
            Board board = board(listing.board(), at + "/board", rules);
            if (rules.present(listing.stockCode(), at + "/stockCode") && board != null && !board.matches(listing.stockCode())) {
                rules.add(at + "/stockCode", "STOCK_CODE_MISMATCH",
                        "A " + board + " stock code matches " + board.pattern() + " as a whole.");
            }
            LocalDate listed = rules.present(listing.listedOn(), at + "/listedOn") ? rules.actualDate(listing.listedOn(), at + "/listedOn") : null;
            LocalDate delisted = rules.actualDate(listing.delistedOn(), at + "/delistedOn");
            if (listed != null && delisted != null && delisted.isBefore(listed)) {
                rules.add(at + "/delistedOn", "DELISTED_BEFORE_LISTED", "A listing is delisted on or after it was listed.");
                continue;
            }
            if (board != null && listed != null) {
                reformFirst(board, listed, reform, at, rules);
                Span span = new Span(i, board, listed, delisted);
                spans.stream().filter(span::overlaps).findFirst().ifPresent(earlier -> rules.add(at + "/listedOn", "LISTING_OVERLAP",
                        "This listing overlaps listing " + earlier.index() + " (" + earlier.board() + "): one board, or NEEQ and BSE, at a time."));
                spans.add(span);
            }
        }
    }

    private static @Nullable Board board(@Nullable String code, String pointer, RecordRules rules) {
        if (!rules.present(code, pointer)) {
            return null;
        }
        Optional<Board> board = Board.ofCode(code);
        if (board.isEmpty()) {
            rules.add(pointer, "UNKNOWN_BOARD", "A listing's board is one of MAIN_BOARD_SH, STAR, MAIN_BOARD_SZ, CHINEXT, BSE, OVERSEAS, NEEQ, "
                    + "REGIONAL_EQUITY.");
        }
        return board.orElse(null);
    }

    /** An exchange-board or NEEQ listing needs a COMPLETED reform, completed on or before the listing (undated: long done). */
    private static void reformFirst(Board board, LocalDate listed, Reform reform, String at, RecordRules rules) {
        if (!board.isExchange() && board != Board.NEEQ || reform.status() == null) {
            return;
        }
        if (!Enterprise.COMPLETED.equals(reform.status()) || reform.completedOn() != null && reform.completedOn().isAfter(listed)) {
            rules.add(at + "/board", "REFORM_NOT_COMPLETED",
                    "A " + board + " listing needs a COMPLETED shareholding reform, completed on or before it was listed.");
        }
    }

    /** A listing's days, to find two on one board (or NEEQ and BSE) at the same time. */
    private record Span(int index, Board board, LocalDate from, @Nullable LocalDate until) {

        boolean overlaps(Span other) {
            boolean exclusive = board == other.board || Set.of(Board.NEEQ, Board.BSE).equals(Set.of(board, other.board));
            return exclusive && (other.until == null || from.isBefore(other.until)) && (until == null || other.from.isBefore(until));
        }
    }
}
