package io.cityfin.risk.alert.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.cityfin.reporting.record.StoredRecord;
import io.cityfin.risk.alert.Alert;
import io.cityfin.risk.alert.AlertRuleContent;
import io.cityfin.risk.alert.Colour;
import io.cityfin.risk.alert.Evaluation;
import io.cityfin.risk.alert.EvaluationOutcome;
import io.cityfin.risk.alert.RuleSettings;
import io.cityfin.risk.alert.RuleState;
import io.cityfin.risk.api.model.AlertDto;
import io.cityfin.risk.api.model.AlertEvaluationOutcomeDto;
import io.cityfin.risk.api.model.AlertHistoryEntryDto;
import io.cityfin.risk.api.model.AlertRuleDto;
import io.cityfin.risk.api.model.AlertRuleEvaluationDto;
import io.cityfin.risk.api.model.AlertRuleSettingsDto;
import io.cityfin.risk.api.model.AlertRuleSettingsVersionDto;
import io.cityfin.risk.api.model.AlertThresholdsDto;

/** Alert DTOs to and from the domain: pure functions. */
final class AlertWebMapper {

    private AlertWebMapper() {
    }

    static AlertRuleContent content(AlertRuleSettingsDto dto) {
        AlertThresholdsDto thresholds = dto.getThresholds();
        return new AlertRuleContent(dto.getEnabled(), thresholds == null ? null
                : new AlertRuleContent.Thresholds(thresholds.getYELLOW(), thresholds.getORANGE(), thresholds.getRED()),
                dto.getParams() == null ? null : new LinkedHashMap<String, @Nullable BigDecimal>(dto.getParams()));
    }

    static AlertRuleSettingsVersionDto settingsVersion(StoredRecord<AlertRuleContent> record) {
        RuleSettings settings = record.content().settings();
        return new AlertRuleSettingsVersionDto().code(String.valueOf(record.key())).version(record.version()).enabled(settings.enabled())
                .thresholds(thresholds(settings)).params(new LinkedHashMap<>(settings.params())).recordedAt(record.recordedAt())
                .recordedBy(record.recordedBy());
    }

    static AlertRuleDto rule(RuleState state) {
        return new AlertRuleDto().code(state.rule().code()).nameZh(state.rule().nameZh()).nameEn(state.rule().nameEn())
                .subjectKind(state.rule().subjectKind()).version(state.version()).enabled(state.settings().enabled())
                .thresholds(thresholds(state.settings())).params(new LinkedHashMap<>(state.settings().params()))
                .evaluations(state.evaluations().stream().map(AlertWebMapper::evaluation).toList());
    }

    private static AlertRuleEvaluationDto evaluation(Evaluation evaluation) {
        return new AlertRuleEvaluationDto().period(evaluation.period().toString()).evaluatedAt(evaluation.at())
                .outcome(evaluation.outcome().name()).ruleVersion(evaluation.ruleVersion()).detail(evaluation.detail());
    }

    private static AlertThresholdsDto thresholds(RuleSettings settings) {
        Map<Colour, BigDecimal> thresholds = settings.thresholds();
        return new AlertThresholdsDto().YELLOW(thresholds.get(Colour.YELLOW)).ORANGE(thresholds.get(Colour.ORANGE)).RED(thresholds.get(Colour.RED));
    }

    static AlertDto alert(Alert alert, boolean withHistory) {
        AlertDto dto = new AlertDto().id(alert.id()).rule(alert.rule()).ruleVersion(alert.ruleVersion()).subject(alert.subject())
                .subjectName(alert.subjectName()).region(alert.region()).period(alert.period().toString()).severity(alert.colour().name())
                .value(alert.value()).threshold(alert.threshold()).status(alert.status().name()).raisedAt(alert.raisedAt())
                .changedAt(alert.changedAt());
        if (withHistory) {
            dto.history(alert.history().stream().map(change -> new AlertHistoryEntryDto().at(change.at()).by(change.by())
                    .colour(change.colour().name()).status(change.status().name()).value(change.value()).note(change.note())).toList());
        } else {
            dto.setHistory(null);
        }
        return dto;
    }

    static AlertEvaluationOutcomeDto outcome(EvaluationOutcome outcome) {
        return new AlertEvaluationOutcomeDto().rule(outcome.rule()).period(outcome.period().toString()).ruleVersion(outcome.ruleVersion())
                .outcome(outcome.outcome()).detail(outcome.detail()).raised(outcome.raised()).recoloured(outcome.recoloured())
                .resolved(outcome.resolved()).reopened(outcome.reopened());
    }
}
