package io.cityfin.capitalmarket.enterprise;

import static io.cityfin.reporting.catalogue.Kind.FLOW;
import static io.cityfin.reporting.catalogue.Kind.STOCK;
import static io.cityfin.reporting.catalogue.Unit.COUNT;
import static io.cityfin.reporting.indicator.RecordRows.measured;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cityfin.reporting.indicator.RecordIndicators;
import io.cityfin.reporting.indicator.RecordMeasure;
import io.cityfin.reporting.indicator.RecordRows;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.RecordView;
import io.cityfin.reporting.record.Records;

/**
 * Enterprises and their pipelines on the record machinery, and the indicators measured on them at the period's last
 * day D (data-standard-2.md, "Capital-market indicators"), each in the region of its enterprise.
 */
@Configuration(proxyBeanMethods = false)
class EnterpriseConfiguration {

    private static final Enterprise NO_ENTERPRISE = new Enterprise(null, null, null, null, null, null);

    @Bean
    RecordService<Enterprise> enterprises(Records records, Clock clock) {
        return new RecordService<>(records, new EnterpriseType(clock), clock);
    }

    @Bean
    RecordService<Pipeline> pipelines(Records records, RecordService<Enterprise> enterprises, Clock clock) {
        return new RecordService<>(records, new PipelineType(clock), clock).under(enterprises);
    }

    @Bean
    RecordIndicators enterpriseIndicators(RecordService<Enterprise> enterprises, RecordService<Pipeline> pipelines) {
        return indicators(RecordRows.of(enterprises), RecordRows.views(pipelines));
    }

    /** The measures on these rows: the latest enterprises and pipelines not withdrawn, a pipeline with its enterprise. */
    static RecordIndicators indicators(RecordRows<Enterprise> companies, RecordRows<RecordView<Pipeline>> plans) {
        List<RecordMeasure<?>> measures = new ArrayList<>();
        measures.add(companies.count(measured("LISTED_COMPANY_COUNT", "IPO上市企业", "Listed companies (exchange boards and overseas)", COUNT, STOCK),
                (e, d) -> e.isListedCompanyAt(d)).region(Enterprise::region));
        measures.add(companies.count(measured("NEEQ_LISTED_COUNT", "“新三板”挂牌企业", "Companies quoted on the NEEQ", COUNT, STOCK),
                (e, d) -> e.isListedAt(Board.NEEQ, d)).region(Enterprise::region));
        measures.add(companies.count(measured("REGIONAL_EQUITY_LISTED_COUNT", "区域股权市场挂牌展示企业",
                "Companies shown on the regional equity market", COUNT, STOCK), (e, d) -> e.isListedAt(Board.REGIONAL_EQUITY, d))
                .region(Enterprise::region));
        measures.add(companies.countInYear(measured("NEW_LISTINGS_YTD", "新增上市企业（境内外）", "New listings at home and abroad, year to date",
                COUNT, FLOW), Enterprise::firstListedOn).region(Enterprise::region));
        measures.add(companies.countInYear(measured("SHAREHOLDING_REFORM_NEW_YTD", "新增完成股改企业",
                "Shareholding reforms completed, year to date", COUNT, FLOW), Enterprise::reformCompletedOn).region(Enterprise::region));
        measures.add(companies.count(measured("SHAREHOLDING_REFORM_SIGNED_COUNT", "股改签约未完成企业",
                "Shareholding reforms signed, not completed", COUNT, STOCK), Enterprise::isReformSignedAt).region(Enterprise::region));
        measures.add(companies.count(measured("RESERVE_POOL_COUNT", "后备资源库企业", "Enterprises in the listing reserve pool", COUNT, STOCK),
                Enterprise::isInReservePoolAt).region(Enterprise::region));
        measures.add(companies.count(measured("SPECIALISED_SME_COUNT", "专精特新企业", "Specialised and sophisticated SMEs", COUNT, STOCK),
                Enterprise::isSpecialisedSmeAt).region(Enterprise::region));
        measures.add(plans.count(measured("KEY_IPO_CANDIDATE_COUNT", "重点拟上市企业（挂图作战）", "Key IPO candidates", COUNT, STOCK),
                (p, d) -> p.content().isKeyCandidateAt(d)).region(EnterpriseConfiguration::region));
        measures.add(plans.count(measured("IPO_PIPELINE_COUNT", "拟上市企业", "Enterprises in the IPO pipeline", COUNT, STOCK),
                (p, d) -> p.content().isRunningAt(enterprise(p), d)).region(EnterpriseConfiguration::region));
        for (String stage : stagesCounted()) {
            measures.add(plans.count(measured("IPO_PIPELINE_AT_" + stage + "_COUNT", "拟上市企业（" + stageZh(stage) + "）",
                    "Enterprises in the IPO pipeline at " + stage.toLowerCase().replace('_', ' '), COUNT, STOCK),
                    (p, d) -> p.content().isRunningAt(enterprise(p), d) && stage.equals(p.content().lastReachedAt(enterprise(p), d)))
                    .region(EnterpriseConfiguration::region));
        }
        measures.add(plans.measure(measured("OVERDUE_MILESTONES", "逾期未完成节点", "Pipeline stages overdue", COUNT, STOCK),
                EnterpriseConfiguration::overdue).region(EnterpriseConfiguration::region));
        return new RecordIndicators(measures, List.of());
    }

    /** NONE and the stages a running pipeline can have last reached (LISTED ends it). */
    static List<String> stagesCounted() {
        List<String> stages = new ArrayList<>();
        stages.add(Pipeline.NONE);
        stages.addAll(Pipeline.STAGES.subList(0, Pipeline.STAGES.size() - 1));
        return stages;
    }

    private static String stageZh(String stage) {
        return switch (stage) {
            case "SHAREHOLDING_REFORM" -> "完成股份制改造";
            case "TUTORING_FILED" -> "辅导备案";
            case "TUTORING_ACCEPTED" -> "辅导验收";
            case "APPLICATION_FILED" -> "申报受理";
            case "APPROVED" -> "审核通过";
            case "REGISTERED" -> "注册生效";
            default -> "未完成股改";
        };
    }

    private static Enterprise enterprise(RecordView<Pipeline> view) {
        return view.parent(Enterprise.class).orElse(NO_ENTERPRISE);
    }

    private static @Nullable String region(RecordView<Pipeline> view) {
        return enterprise(view).region();
    }

    private static @Nullable BigDecimal overdue(RecordView<Pipeline> view, LocalDate day) {
        int stages = view.content().overdueAt(enterprise(view), day).size();
        return stages == 0 ? null : BigDecimal.valueOf(stages);
    }
}
