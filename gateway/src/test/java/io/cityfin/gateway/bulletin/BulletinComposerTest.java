package io.cityfin.gateway.bulletin;

import static io.cityfin.gateway.bulletin.BulletinFixtures.AUGUST;
import static io.cityfin.gateway.bulletin.BulletinFixtures.SEPTEMBER;
import static io.cityfin.gateway.bulletin.BulletinFixtures.data;
import static io.cityfin.gateway.bulletin.BulletinFixtures.deposits;
import static io.cityfin.gateway.bulletin.BulletinFixtures.depositGrowthPrinted;
import static io.cityfin.gateway.bulletin.BulletinFixtures.figures;
import static io.cityfin.gateway.bulletin.BulletinFixtures.loans;
import static io.cityfin.gateway.bulletin.BulletinFixtures.premiums;
import static io.cityfin.gateway.bulletin.BulletinFixtures.september;
import static io.cityfin.gateway.bulletin.BulletinFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;

import io.cityfin.common.indicator.api.model.IndicatorDto;
import io.cityfin.common.region.Region;
import io.cityfin.gateway.indicator.SourceStatus;

class BulletinComposerTest {

    @Test
    void writesTheDepositSentenceAsTheOfficeDoes() {
        ComposedBulletin bulletin = BulletinComposer.compose(september(Map.of("credit-service",
                figures("credit-service", SEPTEMBER, deposits(), loans()))));

        assertThat(text(bulletin.html()))
                .contains("抚州市2022年9月金融运行通报")
                .contains("9月末，全市各项存款余额3165.87亿元，较年初增加363.44亿元，增长12.97%；各项贷款余额2926.07亿元，较年初增加338.42亿元，增长13.08%。");
    }

    @Test
    void linksEveryNumberToItsLineageAndRecordsIt() {
        ComposedBulletin bulletin = BulletinComposer.compose(september(Map.of("credit-service",
                figures("credit-service", SEPTEMBER, deposits()))));

        assertThat(bulletin.html()).contains(
                "<a class=\"fig\" href=\"/#lineage?service=credit&amp;code=DEPOSIT_BALANCE&amp;period=2022-09&amp;region=361000\">3165.87</a>亿元");
        assertThat(bulletin.figures()).extracting(UsedFigure::key).extracting(FigureKey::field)
                .containsExactly("value", "changeSinceYearStart", "growthSinceYearStartPct");
        assertThat(bulletin.figures().get(0).value()).isEqualByComparingTo("316587000000");
    }

    @Test
    void saysSoWhenASectionStepsBackToItsLatestCompleteMonth() {
        ComposedBulletin bulletin = BulletinComposer.compose(september(Map.of("insurance-service",
                figures("insurance-service", AUGUST, premiums()))));

        assertThat(bulletin.html()).contains("<p class=\"period-note\">9月数据尚未报齐，本节为8月末（累计数为1-8月）数据。</p>");
        assertThat(text(bulletin.html())).contains("1-8月，全市累计保费收入47.52亿元，同比增长10.20%。");
        assertThat(bulletin.figures()).extracting(figure -> figure.key().period()).containsOnly("2022-08");
    }

    @Test
    void listsAPublishedFigureTheDataCorrects() {
        ComposedBulletin bulletin = BulletinComposer.compose(data(Map.of("credit-service", figures("credit-service", SEPTEMBER, deposits())),
                List.of(), List.of(depositGrowthPrinted("9.12")), Map.of()));

        assertThat(bulletin.html()).contains("class=\"bulletin-corrections\"");
        assertThat(text(bulletin.html())).contains("《2022年金融工作总结》刊载各项存款较年初增长9.12%，据数据应为12.97%");
    }

    @Test
    void leavesOutAPublishedFigureWithinHalfItsRounding() {
        // |12.97 − 12.975| = 0.005 = 0.01 / 2: within the printed rounding, no correction
        ComposedBulletin bulletin = BulletinComposer.compose(data(Map.of("credit-service", figures("credit-service", SEPTEMBER, deposits())),
                List.of(), List.of(depositGrowthPrinted("12.975"), depositGrowthPrinted("12.9651")), Map.of()));

        assertThat(bulletin.html()).doesNotContain("class=\"bulletin-corrections\"");
    }

    @Test
    void appliesTheDiffersRuleOnlyWhereTheComputedFigureIsKnown() {
        PublishedFigure premiums = new PublishedFigure("insurance-service", "PREMIUM_TOTAL_YTD", "value", "2022-09", "361000",
                new BigDecimal("4751000000"), new BigDecimal("1000000"), null, "2022年金融工作总结");
        PublishedFigure growthUnknown = new PublishedFigure("insurance-service", "PREMIUM_TOTAL_YTD", "growthSinceYearStartPct", "2022-09",
                "361000", new BigDecimal("3"), new BigDecimal("0.01"), null, "2022年金融工作总结");

        assertThat(premiums.differsFrom(new BigDecimal("4752000000"))).isTrue(); // 0.01亿 apart, rounding 0.005亿
        assertThat(premiums.differsFrom(new BigDecimal("4751500000"))).isFalse(); // exactly half the rounding
        assertThat(growthUnknown.differsFrom(null)).isFalse();
    }

    @Test
    void differsOnlyByMoreThanHalfTheRounding() {
        PublishedFigure deposit = new PublishedFigure("credit-service", "DEPOSIT_BALANCE", "growthSinceYearStartPct", "2022-09", "361000",
                new BigDecimal("9.12"), new BigDecimal("0.01"), "9.12%", "2022年金融工作总结");
        PublishedFigure premiums = new PublishedFigure("insurance-service", "PREMIUM_INCOME_TOTAL", "value", "2022-08", "361000",
                new BigDecimal("4751000000"), new BigDecimal("1000000"), null, "2022年金融工作总结");

        // seed C3: 363.44 / 2802.43 = 12.97%
        assertThat(deposit.differsFrom(new BigDecimal("12.97"))).isTrue();
        assertThat(deposit.differsFrom(new BigDecimal("9.125"))).as("exactly half the rounding").isFalse();
        assertThat(deposit.differsFrom(new BigDecimal("9.1151"))).isFalse();
        assertThat(deposit.differsFrom(new BigDecimal("9.1149"))).isTrue();
        assertThat(deposit.differsFrom(null)).isFalse();
        // seed C7: 20.75 + 26.77 = 47.52亿 against the printed 47.51亿: 1,000,000 yuan apart, twice half the step
        assertThat(premiums.differsFrom(new BigDecimal("4752000000"))).isTrue();
        assertThat(premiums.differsFrom(new BigDecimal("4751400000"))).isFalse();
    }

    @Test
    void escapesEveryTextFromData() {
        IndicatorDto hostile = BulletinFixtures.stock("DEPOSIT_BALANCE", "<script>x='1'</script>&存款", "credit-service",
                "316587000000.00", "280243000000.00", "36344000000.00", "12.97");
        PublishedFigure document = new PublishedFigure("credit-service", "DEPOSIT_BALANCE", "growthSinceYearStartPct", "2022-09", "361000",
                new BigDecimal("9.12"), new BigDecimal("0.01"), "<b>9.12%</b>", "\"总结\"<img src=x>");

        String html = BulletinComposer.compose(data(Map.of("credit-service", figures("credit-service", SEPTEMBER, hostile)),
                List.of(SourceStatus.unavailable("risk-service", "<down>")), List.of(document), Map.of())).html();

        assertThat(html).doesNotContain("<script>").doesNotContain("<img").doesNotContain("<b>").doesNotContain("<down>")
                .contains("&lt;script&gt;x=&#39;1&#39;&lt;/script&gt;&amp;存款")
                .contains("《&quot;总结&quot;&lt;img src=x&gt;》刊载");
    }

    @Test
    void isWellFormedXmlForThePdf() {
        ComposedBulletin bulletin = BulletinComposer.compose(data(Map.of("credit-service", figures("credit-service", SEPTEMBER, deposits(), loans()),
                        "insurance-service", figures("insurance-service", AUGUST, premiums())),
                List.of(SourceStatus.unavailable("risk-service", "timeout after 2s & more")), List.of(depositGrowthPrinted("9.12")), Map.of()));

        assertThatCode(() -> DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(bulletin.html().getBytes(StandardCharsets.UTF_8)))).doesNotThrowAnyException();
    }

    @Test
    void statesACachedAndAnUnavailableSourceAtTheTop() {
        String html = BulletinComposer.compose(data(Map.of(), List.of(SourceStatus.ok("credit-service", "\"a\""),
                SourceStatus.cached("insurance-service", "timeout after 2s", OffsetDateTime.parse("2022-10-08T00:30:00Z"), "\"b\""),
                SourceStatus.unavailable("risk-service", "not reachable: connection refused")), List.of(), Map.of())).html();

        assertThat(html).contains("<p class=\"bulletin-notice\">保险数据（insurance-service）本次未能取得最新答复（timeout after 2s），采用其2022-10-08 08:30确认的数据。</p>")
                .contains("<p class=\"bulletin-notice\">风险防控数据（risk-service）暂不可用（not reachable: connection refused），相关内容暂缺。</p>")
                .doesNotContain("credit-service）");
        assertThat(html.indexOf("bulletin-notice")).isLessThan(html.indexOf("bulletin-section"));
    }

    @Test
    void marksAFigureRevisedSinceTheIssuedBulletin() {
        FigureKey balance = new FigureKey("credit-service", "DEPOSIT_BALANCE", "value", "2022-09", "361000");
        FigureKey growth = new FigureKey("credit-service", "DEPOSIT_BALANCE", "growthSinceYearStartPct", "2022-09", "361000");

        String html = BulletinComposer.compose(data(Map.of("credit-service", figures("credit-service", SEPTEMBER, deposits())), List.of(),
                List.of(), Map.of(balance, new BigDecimal("316487000000.00"), growth, new BigDecimal("12.970")))).html();

        assertThat(html).contains("3165.87</a>亿元<span class=\"revised\">（通报数3164.87亿元，修订为3165.87亿元）</span>");
        assertThat(html).containsOnlyOnce("class=\"revised\"");
    }

    @Test
    void namesTheCountiesAboveTheCitysGrowth() {
        IndicatorDto linchuan = BulletinFixtures.stock("DEPOSIT_BALANCE", "各项存款余额", "credit-service", "100", "80", "20", "25.00");
        IndicatorDto dongxiang = BulletinFixtures.stock("DEPOSIT_BALANCE", "各项存款余额", "credit-service", "100", "95", "5", "5.26");
        IndicatorDto zixi = BulletinFixtures.stock("DEPOSIT_BALANCE", "各项存款余额", "credit-service", "100", "85", "15", "17.65");
        BulletinData city = september(Map.of("credit-service", figures("credit-service", SEPTEMBER, deposits())));
        BulletinData withCounties = new BulletinData(city.period(), city.region(), city.yearElapsedPct(), city.generatedAt(), city.sources(),
                city.services(), List.of(new CountyFigures(Region.LINCHUAN, List.of(linchuan)), new CountyFigures(Region.DONGXIANG, List.of(dongxiang)),
                new CountyFigures(Region.ZIXI, List.of(zixi))), List.of(), city.ownMonth(), Map.of(), null);

        String html = BulletinComposer.compose(withCounties).html();

        assertThat(text(html)).contains("分县（区）看，各项存款增速高于全市（12.97%）的有临川区（25.00%）、资溪县（17.65%），共2个县（区）。");
        assertThat(html).contains("code=DEPOSIT_BALANCE&amp;period=2022-09&amp;region=361028\">17.65</a>");
    }

    @Test
    void setsATargetsProgressAgainstTheTimeElapsed() {
        IndicatorDto newLoans = BulletinFixtures.indicator("LOAN_INCREASE_YTD", "新增贷款（较年初）", "credit-service",
                        IndicatorDto.UnitEnum.CNY, IndicatorDto.KindEnum.FLOW)
                .value(new BigDecimal("33842000000.00")).target(new BigDecimal("35000000000")).targetProgressPct(new BigDecimal("96.69"))
                .onTrack(true);
        Map<String, ServiceFigures> services = new LinkedHashMap<>();
        services.put("credit-service", figures("credit-service", SEPTEMBER, deposits(), newLoans));

        String text = text(BulletinComposer.compose(september(services)).html());

        assertThat(text).contains("新增贷款全年目标350.00亿元，完成96.69%，时间进度74.79%，达到时间进度（时间过半、任务过半）。")
                .doesNotContain("累计新增贷款");
    }

    @Test
    void writesAGapBetweenRatesInPointsAndAnUnchangedStockAsUnchanged() {
        IndicatorDto gap = BulletinFixtures.indicator("INCLUSIVE_SME_GROWTH_GAP_PP", "普惠小微贷款增速高于各项贷款增速", "credit-service",
                IndicatorDto.UnitEnum.PERCENT, IndicatorDto.KindEnum.RATIO).value(new BigDecimal("7.72"));
        IndicatorDto cases = BulletinFixtures.indicator("LEGACY_IFR_CASES_REMAINING", "剩余陈案", "risk-service",
                IndicatorDto.UnitEnum.COUNT, IndicatorDto.KindEnum.STOCK).value(new BigDecimal("2")).yearStartValue(new BigDecimal("2"))
                .changeSinceYearStart(BigDecimal.ZERO).growthSinceYearStartPct(new BigDecimal("0.00"));
        Map<String, ServiceFigures> services = new LinkedHashMap<>();
        services.put("credit-service", figures("credit-service", SEPTEMBER, deposits(), gap));
        services.put("risk-service", figures("risk-service", SEPTEMBER, cases));

        String text = text(BulletinComposer.compose(september(services)).html());

        assertThat(text).contains("普惠小微贷款增速高于各项贷款增速为7.72个百分点").contains("剩余陈案2，与年初持平")
                .doesNotContain("较年初增加0");
    }

    @Test
    void letsAPrintedChangeFollowTheIndicatorsName() {
        IndicatorDto npl = BulletinFixtures.indicator("NPL_RATIO", "不良贷款率", "credit-service", IndicatorDto.UnitEnum.PERCENT,
                IndicatorDto.KindEnum.RATIO).value(new BigDecimal("1.31")).changeSinceYearStart(new BigDecimal("-0.04"));
        PublishedFigure printed = new PublishedFigure("credit-service", "NPL_RATIO", "changeSinceYearStart", "2022-09", "361000",
                new BigDecimal("-0.03"), new BigDecimal("0.01"), "较年初减少了0.03个百分点", "2022年金融工作总结");

        String text = text(BulletinComposer.compose(data(Map.of("credit-service", figures("credit-service", SEPTEMBER, npl)), List.of(),
                List.of(printed), Map.of())).html());

        assertThat(text).contains("《2022年金融工作总结》刊载不良贷款率较年初减少了0.03个百分点，据数据应为-0.04个百分点");
    }
}
