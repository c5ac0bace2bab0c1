package io.cityfin.risk.alert;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cityfin.reporting.catalogue.Catalogue;
import io.cityfin.reporting.institution.Institutions;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.Records;
import io.cityfin.reporting.report.Reports;

/** The alert engine's beans: the rules' settings on the record machinery, the use cases, the triggers and REPORT_MISSING. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertProperties.class)
class AlertConfiguration {

    @Bean
    RecordService<AlertRuleContent> alertRuleSettings(Records records, List<AlertRule> rules, Clock clock) {
        Map<String, AlertRule> byCode = rules.stream().collect(Collectors.toMap(AlertRule::code, Function.identity()));
        return new RecordService<>(records, new AlertRuleType(byCode), clock);
    }

    @Bean
    AlertService alertService(List<AlertRule> rules, RecordService<AlertRuleContent> alertRuleSettings, Alerts alerts, Evaluations evaluations,
                              AlertMetrics metrics, Clock clock) {
        return new AlertService(rules, alertRuleSettings, alerts, evaluations, metrics, clock);
    }

    @Bean
    AlertTriggers alertTriggers(AlertService service, Evaluations evaluations, AlertProperties properties, Clock clock) {
        return new AlertTriggers(service, evaluations, properties, clock);
    }

    @Bean
    ReportMissingRule reportMissingRule(Institutions institutions, Catalogue catalogue, Reports reports, Clock clock) {
        return new ReportMissingRule(institutions, catalogue, reports, clock);
    }
}
