package io.cityfin.risk.organisation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.cityfin.common.period.Period;
import io.cityfin.reporting.institution.Institution;
import io.cityfin.reporting.institution.InstitutionService;
import io.cityfin.reporting.record.RecordAccepted;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.risk.alert.AlertRule;
import io.cityfin.risk.alert.Colour;
import io.cityfin.risk.alert.Finding;
import io.cityfin.risk.alert.RuleSettings;
import reactor.core.publisher.Mono;

/**
 * MICROLOAN_REVOCATION_DUE (data-standard-2.md, "Alert rules and alerts"): a SMALL_LOAN company rated C for {@code years}
 * (2, seed 135) years running and still active at the period's last day D more than {@code cureMonths} (6, seed 136)
 * after the later {@code ratedOn} of those years is ORANGE (it should have been revoked, 取消试点资格). Ratings count
 * once rated by D; the value is the longest run of C years by D, the threshold the {@code years} it needs.
 */
@Component
class MicroloanRevocationDue implements AlertRule {

    static final String CODE = "MICROLOAN_REVOCATION_DUE";
    static final String YEARS = "years";
    static final String CURE_MONTHS = "cureMonths";

    private final InstitutionService registry;
    private final RecordService<OrganisationRating> ratings;

    MicroloanRevocationDue(InstitutionService registry, RecordService<OrganisationRating> ratings) {
        this.registry = registry;
        this.ratings = ratings;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String nameZh() {
        return "小贷公司连续C级未退出";
    }

    @Override
    public String nameEn() {
        return "Small-loan company rated C for years running and not ended";
    }

    @Override
    public String subjectKind() {
        return "INSTITUTION";
    }

    @Override
    public RuleSettings defaults() {
        return new RuleSettings(true, Map.of(), Map.of(YEARS, BigDecimal.valueOf(2), CURE_MONTHS, BigDecimal.valueOf(6)));
    }

    @Override
    public Mono<List<Finding>> evaluate(Period period, RuleSettings settings) {
        int years = settings.param(YEARS).intValue();
        int cureMonths = settings.param(CURE_MONTHS).intValue();
        return ratings.activeContents().collect(Collectors.groupingBy(rating -> String.valueOf(rating.institution())))
                .flatMap(byCode -> registry.all().filter(institution -> Organisations.SMALL_LOAN.equals(institution.type()))
                        .collectList()
                        .map(smallLoans -> findings(smallLoans, byCode, period.lastDay(), years, cureMonths)));
    }

    /** A new rating or action can change what is found. */
    @Override
    public boolean affectedBy(RecordAccepted record) {
        return Set.of(OrganisationRatingType.COLLECTION, SupervisoryActionType.COLLECTION).contains(record.collection());
    }

    /** The findings at {@code day} among {@code institutions} (SMALL_LOAN ones count) with their ratings by code. */
    static List<Finding> findings(List<Institution> institutions, Map<String, List<OrganisationRating>> ratingsByCode, LocalDate day,
                                  int years, int cureMonths) {
        List<Finding> found = new ArrayList<>();
        for (Institution institution : institutions) {
            if (!Organisations.SMALL_LOAN.equals(institution.type()) || !institution.isActiveOn(day)) {
                continue;
            }
            List<OrganisationRating> rated = ratingsByCode.getOrDefault(institution.code(), List.of());
            due(rated, day, years).filter(later -> day.isAfter(later.plusMonths(cureMonths))).ifPresent(later -> found.add(new Finding(
                    institution.code(), institution.name(), institution.region().code(),
                    BigDecimal.valueOf(Supervised.longestCRun(rated, day)), Colour.ORANGE, BigDecimal.valueOf(years))));
        }
        return found;
    }

    /**
     * The earliest day a run of {@code years} consecutive C years was complete by {@code day}: the later ratedOn of its
     * years; empty when there is no such run.
     */
    static Optional<LocalDate> due(List<OrganisationRating> ratings, LocalDate day, int years) {
        TreeMap<Integer, LocalDate> cYears = new TreeMap<>();
        for (OrganisationRating rating : ratings) {
            if (rating.year() != null && rating.isCBy(day)) {
                cYears.put(rating.year(), rating.ratedOnDay());
            }
        }
        LocalDate earliest = null;
        for (int last : cYears.keySet()) {
            LocalDate later = null;
            boolean run = true;
            for (int year = last - years + 1; year <= last && run; year++) {
                LocalDate ratedOn = cYears.get(year);
                run = ratedOn != null;
                if (run) {
                    later = later == null || ratedOn.isAfter(later) ? ratedOn : later;
                }
            }
            if (run && later != null && (earliest == null || later.isBefore(earliest))) {
                earliest = later;
            }
        }
        return Optional.ofNullable(earliest);
    }
}
