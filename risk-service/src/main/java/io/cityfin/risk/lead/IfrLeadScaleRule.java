package io.cityfin.risk.lead;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.cityfin.common.period.Period;
import io.cityfin.reporting.record.RecordAccepted;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.RecordView;
import io.cityfin.risk.alert.AlertRule;
import io.cityfin.risk.alert.Colour;
import io.cityfin.risk.alert.Finding;
import io.cityfin.risk.alert.RuleSettings;
import reactor.core.publisher.Mono;

/**
 * IFR_LEAD_SCALE: a lead known at D and neither DISMISSED nor DISPOSED then, whose amountInvolved (the thresholds:
 * 10, 50, 100 million yuan) or personsInvolved (the params {@code personsYELLOW}, {@code personsORANGE},
 * {@code personsRED}: 100, 500, 1,000) reaches a colour; the higher colour of the two wins, and the finding carries
 * the measure that reached it (the amount when both reach the same colour).
 */
@Component
public class IfrLeadScaleRule implements AlertRule {

    public static final String CODE = "IFR_LEAD_SCALE";

    private final RecordService<Lead> leads;

    public IfrLeadScaleRule(RecordService<Lead> leads) {
        this.leads = leads;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String nameZh() {
        return "涉非线索规模";
    }

    @Override
    public String nameEn() {
        return "Lead scale";
    }

    @Override
    public String subjectKind() {
        return "LEAD";
    }

    @Override
    public RuleSettings defaults() {
        return new RuleSettings(true, Map.of(Colour.YELLOW, BigDecimal.valueOf(10_000_000), Colour.ORANGE, BigDecimal.valueOf(50_000_000),
                Colour.RED, BigDecimal.valueOf(100_000_000)), Map.of("personsYELLOW", BigDecimal.valueOf(100),
                "personsORANGE", BigDecimal.valueOf(500), "personsRED", BigDecimal.valueOf(1_000)));
    }

    @Override
    public Mono<List<Finding>> evaluate(Period period, RuleSettings settings) {
        LocalDate day = period.lastDay();
        return leads.activeViews().flatMapIterable(view -> finding(view, day, settings).stream().toList()).collectList();
    }

    @Override
    public boolean affectedBy(RecordAccepted record) {
        return LeadType.COLLECTION.equals(record.collection());
    }

    static Optional<Finding> finding(RecordView<Lead> view, LocalDate day, RuleSettings settings) {
        Lead lead = view.content();
        String status = lead.statusAt(day);
        if (status == null || LeadStatus.CLOSED.contains(status)) {
            return Optional.empty();
        }
        Optional<Colour> byAmount = lead.amountInvolved() == null ? Optional.empty() : settings.colourAtLeast(lead.amountInvolved());
        Optional<Colour> byPersons = lead.personsInvolved() == null ? Optional.empty() : personsColour(lead.personsInvolved(), settings);
        if (byAmount.isEmpty() && byPersons.isEmpty()) {
            return Optional.empty();
        }
        boolean amountWins = byAmount.isPresent() && (byPersons.isEmpty() || byAmount.get().compareTo(byPersons.get()) >= 0);
        Colour colour = amountWins ? byAmount.get() : byPersons.get();
        BigDecimal value = amountWins ? lead.amountInvolved() : lead.personsInvolved();
        BigDecimal threshold = amountWins ? settings.threshold(colour).orElse(null) : settings.params().get("persons" + colour.name());
        return Optional.of(new Finding(view.id().toString(), LeadSubjects.name(lead, view.id()), java.util.Objects.requireNonNullElse(lead.region(), io.cityfin.common.region.Region.CITY.code()), value, colour,
                threshold));
    }

    /** The highest colour whose persons parameter {@code persons} meets; a parameter absent leaves its colour unused. */
    static Optional<Colour> personsColour(BigDecimal persons, RuleSettings settings) {
        Colour found = null;
        for (Colour colour : Colour.values()) {
            BigDecimal threshold = settings.params().get("persons" + colour.name());
            if (threshold != null && persons.compareTo(threshold) >= 0) {
                found = colour;
            }
        }
        return Optional.ofNullable(found);
    }
}
