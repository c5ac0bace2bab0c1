package io.cityfin.capitalmarket.enterprise;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import io.cityfin.reporting.indicator.RecordRows;
import io.cityfin.reporting.record.RecordChecks;

/**
 * An enterprise as sent to {@code PUT /enterprises/{uscc}}, in the wire's loose types (dates as texts), so that
 * {@link EnterpriseType}'s rules, not a parser, answer with a pointer; and its state at a day D, as the indicators read
 * it. The evaluations take the dates as stored (valid once accepted) and read a malformed one as absent.
 */
public record Enterprise(@Nullable String name, @Nullable String region, @Nullable String specialisedSmeSince,
                         @Nullable ReservePool reservePool, @Nullable ShareholdingReform shareholdingReform,
                         @Nullable List<Listing> listings) {

    public static final String NONE = "NONE";
    public static final String SIGNED = "SIGNED";
    public static final String COMPLETED = "COMPLETED";

    /** In the 拟上市企业后备资源库 from {@code since} (inclusive) until {@code until} (exclusive; null: still in). */
    public record ReservePool(@Nullable String since, @Nullable String until) {
    }

    /** 股份制改造: {@code NONE}, {@code SIGNED} (集中股改签约) or {@code COMPLETED}. */
    public record ShareholdingReform(@Nullable String status, @Nullable String signedOn, @Nullable String completedOn) {
    }

    /** A listing on a board, open from {@code listedOn} (inclusive) until {@code delistedOn} (exclusive; null: open). */
    public record Listing(@Nullable String board, @Nullable String stockCode, @Nullable String listedOn, @Nullable String delistedOn) {

        /** Listed on or before D and not delisted by D. */
        public boolean isOpenAt(LocalDate day) {
            LocalDate delisted = RecordChecks.dayOrNull(delistedOn);
            return RecordRows.byDay(RecordChecks.dayOrNull(listedOn), day) && (delisted == null || delisted.isAfter(day));
        }

        public Optional<Board> knownBoard() {
            return board == null ? Optional.empty() : Board.ofCode(board);
        }

        public @Nullable LocalDate listedDay() {
            return RecordChecks.dayOrNull(listedOn);
        }
    }

    /** The listings, none when absent. */
    public List<Listing> listingsOrNone() {
        return listings == null ? List.of() : listings.stream().filter(Objects::nonNull).toList();
    }

    /** The listings open at D. */
    public Stream<Listing> openListingsAt(LocalDate day) {
        return listingsOrNone().stream().filter(listing -> listing.isOpenAt(day));
    }

    /** The board of the first open listing at D in the table's order, or {@code NONE}. */
    public String boardAt(LocalDate day) {
        return openListingsAt(day).map(Listing::knownBoard).flatMap(Optional::stream)
                .min(Comparator.naturalOrder()).map(Board::name).orElse(Board.NONE);
    }

    /** An open listing at D on {@code board}. */
    public boolean isListedAt(Board board, LocalDate day) {
        return openListingsAt(day).anyMatch(listing -> listing.knownBoard().orElse(null) == board);
    }

    /** An open listing at D on an exchange board or OVERSEAS (LISTED_COMPANY_COUNT). */
    public boolean isListedCompanyAt(LocalDate day) {
        return openListingsAt(day).anyMatch(listing -> listing.knownBoard().map(Board::isListing).orElse(false));
    }

    /**
     * The day of the first exchange-board or OVERSEAS listing (NEW_LISTINGS_YTD): a NEEQ company moving to BSE is
     * newly listed then, a company moving from one exchange to another is not.
     */
    public @Nullable LocalDate firstListedOn() {
        return listingsOrNone().stream().filter(listing -> listing.knownBoard().map(Board::isListing).orElse(false))
                .map(Listing::listedDay).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
    }

    /** The first day of a listing on {@code board}, if it ever had one. */
    public @Nullable LocalDate firstListedOn(Board board) {
        return listingsOrNone().stream().filter(listing -> listing.knownBoard().orElse(null) == board)
                .map(Listing::listedDay).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
    }

    private String reformStatus() {
        return shareholdingReform == null || shareholdingReform.status() == null ? NONE : shareholdingReform.status();
    }

    /** {@code COMPLETED} with a {@code completedOn}, or null (an undated completion is older than the records). */
    public @Nullable LocalDate reformCompletedOn() {
        return COMPLETED.equals(reformStatus()) ? RecordChecks.dayOrNull(shareholdingReform.completedOn()) : null;
    }

    /** The reform completed by D: {@code COMPLETED} on or before D, or undated (always done). */
    public boolean isReformCompletedBy(LocalDate day) {
        if (!COMPLETED.equals(reformStatus())) {
            return false;
        }
        LocalDate completed = reformCompletedOn();
        return completed == null || !completed.isAfter(day);
    }

    /** Signed (集中股改签约) on or before D and not completed by D (SHAREHOLDING_REFORM_SIGNED_COUNT). */
    public boolean isReformSignedAt(LocalDate day) {
        String status = reformStatus();
        return (SIGNED.equals(status) || COMPLETED.equals(status)) && RecordRows.byDay(RecordChecks.dayOrNull(shareholdingReform.signedOn()), day)
                && !isReformCompletedBy(day);
    }

    /** In the reserve pool at D. */
    public boolean isInReservePoolAt(LocalDate day) {
        if (reservePool == null) {
            return false;
        }
        LocalDate until = RecordChecks.dayOrNull(reservePool.until());
        return RecordRows.byDay(RecordChecks.dayOrNull(reservePool.since()), day) && (until == null || until.isAfter(day));
    }

    /** Recognised as 专精特新 on or before D. */
    public boolean isSpecialisedSmeAt(LocalDate day) {
        return RecordRows.byDay(RecordChecks.dayOrNull(specialisedSmeSince), day);
    }
}
