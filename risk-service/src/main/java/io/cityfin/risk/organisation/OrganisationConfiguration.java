package io.cityfin.risk.organisation;

import static io.cityfin.reporting.catalogue.Kind.FLOW;
import static io.cityfin.reporting.catalogue.Kind.STOCK;
import static io.cityfin.reporting.catalogue.Unit.COUNT;
import static io.cityfin.reporting.indicator.RecordRows.measured;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.ReactiveTransactionManager;

import io.cityfin.reporting.indicator.RecordIndicators;
import io.cityfin.reporting.indicator.RecordMeasure;
import io.cityfin.reporting.indicator.RecordRows;
import io.cityfin.reporting.institution.Institution;
import io.cityfin.reporting.institution.InstitutionService;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.RecordView;
import io.cityfin.reporting.record.Records;

/**
 * Ratings and supervisory actions on the record machinery, their use cases, and the 11 supervision indicators at the
 * period's last day D (data-standard-2.md, "Risk indicators"), each in the organisation's region: the organisations of
 * each type active at D, and the organisations of a type with an action of a type in the year (distinct organisations).
 */
@Configuration(proxyBeanMethods = false)
class OrganisationConfiguration {

    @Bean
    RecordService<OrganisationRating> organisationRatings(Records records, Clock clock) {
        return new RecordService<>(records, OrganisationRatingType.reading(clock), clock);
    }

    @Bean
    RecordService<SupervisoryAction> supervisoryActions(Records records, Clock clock) {
        return new RecordService<>(records, SupervisoryActionType.reading(clock), clock);
    }

    @Bean
    SupervisionService supervisionService(Records records, InstitutionService registry, RecordService<OrganisationRating> ratings,
                                          RecordService<SupervisoryAction> actions, Clock clock, ReactiveTransactionManager transactions) {
        return new SupervisionService(records, registry, ratings, actions, clock, transactions);
    }

    @Bean
    RecordIndicators supervisionIndicators(InstitutionService registry, RecordService<SupervisoryAction> actions) {
        return indicators(RecordRows.traced(() -> actions.activeViews()
                .collect(Collectors.groupingBy(action -> String.valueOf(action.content().institution())))
                .flatMapMany(byCode -> registry.all().map(institution -> organisation(institution, byCode.getOrDefault(institution.code(), List.of()))))));
    }

    /** An organisation: its registry version, read with the versions of the actions taken on it. */
    private static RecordRows.Traced<SupervisedOrganisation> organisation(Institution institution, List<RecordView<SupervisoryAction>> actions) {
        return new RecordRows.Traced<>(RecordRows.registryVersion(institution), actions.stream().map(RecordView::ref).toList(),
                new SupervisedOrganisation(institution, actions.stream().map(RecordView::content).toList()));
    }

    /** The measures on these rows. */
    static RecordIndicators indicators(RecordRows<SupervisedOrganisation> rows) {
        List<RecordMeasure<?>> measures = new ArrayList<>(List.of(
                active(rows, "LOCAL_ORG_SMALL_LOAN_COUNT", "小额贷款公司", "Small-loan companies", Organisations.SMALL_LOAN),
                active(rows, "LOCAL_ORG_FINANCING_GUARANTEE_COUNT", "融资担保公司", "Financing-guarantee companies", Organisations.FINANCING_GUARANTEE),
                active(rows, "LOCAL_ORG_PAWN_COUNT", "典当行", "Pawnshops", Organisations.PAWN),
                active(rows, "LOCAL_ORG_FINANCIAL_LEASING_COUNT", "融资租赁公司", "Financial-leasing companies", Organisations.FINANCIAL_LEASING),
                active(rows, "LOCAL_ORG_COMMERCIAL_FACTORING_COUNT", "商业保理公司", "Commercial-factoring companies", Organisations.COMMERCIAL_FACTORING),
                active(rows, "PRIVATE_LENDING_INSTITUTION_COUNT", "民间融资机构", "Private-lending institutions", Organisations.PRIVATE_LENDING),
                rows.count(measured("ON_SITE_INSPECTION_YTD", "现场检查机构", "Organisations inspected on site, year to date", COUNT, FLOW),
                        (organisation, day) -> organisation.acted(SupervisoryAction.ON_SITE_INSPECTION, day))
                        .when(SupervisedOrganisation::isLocalOrganisation).region(SupervisedOrganisation::region),
                acted(rows, "GUARANTEE_CO_PERSUADED_EXIT_YTD", "劝退的融资担保公司", "Financing-guarantee companies persuaded to exit, year to date",
                        Organisations.FINANCING_GUARANTEE, SupervisoryAction.PERSUADED_EXIT),
                acted(rows, "GUARANTEE_CO_SUPERVISORY_LETTER_YTD", "下发《监管意见函》的融资担保公司",
                        "Financing-guarantee companies sent a supervisory letter, year to date", Organisations.FINANCING_GUARANTEE,
                        SupervisoryAction.SUPERVISORY_LETTER),
                acted(rows, "MICROLOAN_CO_EXIT_NOTICE_YTD", "列入退出工作通知的小贷公司", "Small-loan companies given an exit notice, year to date",
                        Organisations.SMALL_LOAN, SupervisoryAction.EXIT_NOTICE),
                acted(rows, "MICROLOAN_CO_PILOT_REVOKED_YTD", "取消小额贷款试点资格的小贷公司", "Small-loan companies whose pilot was revoked, year to date",
                        Organisations.SMALL_LOAN, SupervisoryAction.PILOT_REVOKED)));
        return new RecordIndicators(measures, List.of());
    }

    private static RecordMeasure<SupervisedOrganisation> active(RecordRows<SupervisedOrganisation> rows, String code, String nameZh,
                                                                String nameEn, String type) {
        return rows.count(measured(code, nameZh, nameEn, COUNT, STOCK), (organisation, day) -> organisation.institution().isActiveOn(day))
                .when(organisation -> organisation.is(type)).region(SupervisedOrganisation::region);
    }

    private static RecordMeasure<SupervisedOrganisation> acted(RecordRows<SupervisedOrganisation> rows, String code, String nameZh,
                                                               String nameEn, String type, String actionType) {
        return rows.count(measured(code, nameZh, nameEn, COUNT, FLOW), (organisation, day) -> organisation.acted(actionType, day))
                .when(organisation -> organisation.is(type)).region(SupervisedOrganisation::region);
    }
}
