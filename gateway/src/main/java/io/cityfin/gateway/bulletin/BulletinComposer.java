package io.cityfin.gateway.bulletin;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.indicator.api.model.IndicatorDto;
import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;
import io.cityfin.gateway.bulletin.OfficeUnits.Shown;
import io.cityfin.gateway.indicator.SourceStatus;

/**
 * Writes a bulletin from its {@link BulletinData}: a pure function (no I/O, no clock), so every sentence is tested in
 * milliseconds. The HTML is well-formed XHTML (openhtmltopdf parses it as XML), self-contained (inline style, no
 * script), every text from data escaped, every figure an {@code <a class="fig">} to its lineage on the office page.
 * The sentences follow the source document ("9月末，全市各项存款余额3165.87亿元，较年初增加363.44亿元，增长12.97%").
 */
public final class BulletinComposer {

    /** The sections in the source document's order: service → title. */
    static final Map<String, String> SECTIONS = sections();
    /** Credit's figures the first sentence gives, in this order. */
    private static final List<String> CREDIT_LEAD = List.of("DEPOSIT_BALANCE", "LOAN_BALANCE", "DEPOSIT_LOAN_TOTAL");
    /** The balances the county reading compares (city growth against each county's). */
    private static final List<String> COUNTY_READING = List.of("DEPOSIT_BALANCE", "LOAN_BALANCE");
    /** Credit's figures that belong to 风险防控, as in the source document (二、存在问题). */
    private static final List<String> CREDIT_RISK = List.of("NPL_RATIO", "NPL_BALANCE");
    /** Already said as their balances' 较年初增加; only their targets are written. */
    private static final Set<String> SAID_AS_CHANGE = Set.of("DEPOSIT_INCREASE_YTD", "LOAN_INCREASE_YTD");
    private static final String CREDIT = "credit-service";
    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));
    private static final BigDecimal HALF = new BigDecimal("50");

    static final String STYLE = """
            @page { size: A4; margin: 18mm 16mm; }
            body { font-family: 'WenQuanYi Zen Hei', 'Noto Sans CJK SC', sans-serif; font-size: 10.5pt; line-height: 1.7; color: #111; margin: 0; }
            .bulletin { max-width: 46em; margin: 0 auto; }
            .bulletin h1 { font-size: 17pt; text-align: center; margin: 0 0 4pt 0; }
            .bulletin h2 { font-size: 12.5pt; margin: 12pt 0 4pt 0; }
            .bulletin p { margin: 3pt 0; }
            .bulletin-meta { text-align: center; color: #555; font-size: 9pt; }
            .bulletin-notice { border: 1px solid #c66; background: #fdf0f0; padding: 3pt 8pt; }
            .bulletin-corrections { border: 1px solid #c90; background: #fff8e6; padding: 3pt 10pt; margin: 8pt 0; }
            .bulletin-corrections h2 { margin-top: 4pt; }
            .period-note { color: #555; }
            a.fig { color: #0645ad; text-decoration: none; }
            .revised { color: #b00020; }
            """;

    private BulletinComposer() {
    }

    public static ComposedBulletin compose(BulletinData data) {
        return new Writer(data).write();
    }

    /** {@code 抚州市2022年9月金融运行通报}. */
    public static String title(Period period, Region region) {
        return region.nameZh() + period.year() + "年" + period.lastDay().getMonthValue() + "月金融运行通报";
    }

    /** Text for HTML content and attribute values. */
    static String escape(@Nullable String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    // XML 1.0 allows no other control characters: a name carrying one must not break the PDF
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        escaped.append('\uFFFD');
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    /** The office page's path segment of a service: {@code credit-service} → {@code credit}. */
    static String segment(String service) {
        return service.endsWith("-service") ? service.substring(0, service.length() - "-service".length()) : service;
    }

    /** An indicator's name as a sentence uses it: without a parenthesised scope ("各项存款余额（本外币）" → "各项存款余额"). */
    static String shortName(IndicatorDto indicator) {
        String name = Objects.requireNonNullElse(indicator.getNameZh(), indicator.getCode());
        String shortened = name.replaceAll("（[^）]*）", "").replaceAll("\\([^)]*\\)", "").strip();
        return shortened.isEmpty() ? name : shortened;
    }

    /** "各项存款余额" → "各项存款": the subject of a growth or a change. */
    static String subject(IndicatorDto indicator) {
        String name = shortName(indicator);
        return name.endsWith("余额") && name.length() > 2 ? name.substring(0, name.length() - 2) : name;
    }

    /** An indicator's member by its contract name; null for an unknown name. */
    static @Nullable BigDecimal member(IndicatorDto indicator, String field) {
        return switch (field) {
            case "value" -> indicator.getValue();
            case "yearStartValue" -> indicator.getYearStartValue();
            case "changeSinceYearStart" -> indicator.getChangeSinceYearStart();
            case "growthSinceYearStartPct" -> indicator.getGrowthSinceYearStartPct();
            case "previousYearValue" -> indicator.getPreviousYearValue();
            case "yoyChange" -> indicator.getYoyChange();
            case "yoyPct" -> indicator.getYoyPct();
            case "target" -> indicator.getTarget();
            case "targetProgressPct" -> indicator.getTargetProgressPct();
            default -> null;
        };
    }

    /** How a member of this indicator is shown: growth rates in %, changes of a percentage in 个百分点, the rest in its unit. */
    static Function<BigDecimal, Shown> shownAs(IndicatorDto indicator, String field) {
        String unit = unit(indicator);
        if ("PERCENT".equals(unit) && indicator.getCode() != null && indicator.getCode().endsWith("_PP")) {
            // a gap between two rates (INCLUSIVE_SME_GROWTH_GAP_PP): percentage points, as the source writes 9.63个百分点
            return switch (field) {
                case "growthSinceYearStartPct", "yoyPct", "targetProgressPct" -> OfficeUnits::percent;
                default -> OfficeUnits::points;
            };
        }
        return switch (field) {
            case "growthSinceYearStartPct", "yoyPct", "targetProgressPct" -> OfficeUnits::percent;
            case "changeSinceYearStart", "yoyChange" -> "PERCENT".equals(unit) ? OfficeUnits::points : value -> OfficeUnits.of(value, unit);
            default -> value -> OfficeUnits.of(value, unit);
        };
    }

    private static String unit(IndicatorDto indicator) {
        return indicator.getUnit() == null ? "COUNT" : indicator.getUnit().getValue();
    }

    private static String kind(IndicatorDto indicator) {
        return indicator.getKind() == null ? "STOCK" : indicator.getKind().getValue();
    }

    private static Map<String, String> sections() {
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("credit-service", "金融运行");
        sections.put("insurance-service", "保险");
        sections.put("capital-market-service", "资本市场");
        sections.put("platform-service", "融资平台");
        sections.put("risk-service", "风险防控");
        return sections;
    }

    /** One bulletin being written: the HTML so far and the figures shown. */
    private static final class Writer {

        private final BulletinData data;
        private final StringBuilder out = new StringBuilder(16_384);
        private final Map<FigureKey, UsedFigure> used = new LinkedHashMap<>();

        Writer(BulletinData data) {
            this.data = data;
        }

        ComposedBulletin write() {
            String title = title(data.period(), data.region());
            out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\"><head><meta charset=\"UTF-8\"/>")
                    .append("<title>").append(escape(title)).append("</title><style>\n").append(STYLE).append("</style></head>\n<body>")
                    .append("<article class=\"bulletin\">\n<h1>").append(escape(title)).append("</h1>\n<p class=\"bulletin-meta\">");
            if (data.issueNumber() != null) {
                out.append("第").append(data.issueNumber()).append("期　");
            }
            out.append("CityFin 据各报送机构数据生成，").append(TIME.format(data.generatedAt())).append("（北京时间）</p>\n");
            notices();
            corrections();
            int number = 0;
            for (Map.Entry<String, String> section : SECTIONS.entrySet()) {
                section(NUMERALS[number++] + "、" + section.getValue(), section.getKey());
            }
            out.append("</article></body></html>\n");
            return new ComposedBulletin(out.toString(), List.copyOf(used.values()));
        }

        private void notices() {
            for (SourceStatus source : data.sources()) {
                String name = SECTIONS.getOrDefault(source.service(), source.service());
                if (source.status() == SourceStatus.Status.CACHED) {
                    out.append("<p class=\"bulletin-notice\">").append(escape(name)).append("数据（").append(escape(source.service()))
                            .append("）本次未能取得最新答复（").append(escape(source.detail())).append("），采用其")
                            .append(source.servedFromCacheAt() == null ? "此前" : TIME.format(source.servedFromCacheAt()))
                            .append("确认的数据。</p>\n");
                } else if (source.status() == SourceStatus.Status.UNAVAILABLE) {
                    out.append("<p class=\"bulletin-notice\">").append(escape(name)).append("数据（").append(escape(source.service()))
                            .append("）暂不可用（").append(escape(source.detail())).append("），相关内容暂缺。</p>\n");
                }
            }
        }

        private void corrections() {
            List<String> items = new ArrayList<>();
            for (PublishedFigure published : data.published()) {
                Optional<IndicatorDto> computed = data.ownMonth().stream()
                        .filter(indicator -> published.indicator().equals(indicator.getCode()) && published.service().equals(indicator.getSource()))
                        .findFirst();
                if (computed.isEmpty() || !published.period().equals(data.period().toString())
                        || !published.region().equals(data.region().code())) {
                    continue;
                }
                IndicatorDto indicator = computed.get();
                BigDecimal value = member(indicator, published.field());
                if (value == null || !published.differsFrom(value)) {
                    continue;
                }
                Function<BigDecimal, Shown> shown = shownAs(indicator, published.field());
                String printed = published.printed() != null && !published.printed().isBlank() ? published.printed()
                        : signed(published.value(), shown);
                // a printed text that says the change itself ("较年初减少了0.03个百分点") follows the indicator's name alone
                String subject = printed.startsWith("较") || printed.startsWith("同比") ? shortName(indicator)
                        : fieldSubject(indicator, published.field());
                items.add("<li>《" + escape(published.document()) + "》刊载" + escape(subject)
                        + escape(printed) + "，据数据应为" + (value.signum() < 0 ? "-" : "")
                        + fig(published.service(), indicator, published.field(), data.period(), data.region(), value, shown) + "</li>");
            }
            if (!items.isEmpty()) {
                out.append("<div class=\"bulletin-corrections\"><h2>数据更正</h2>\n<ul>").append(String.join("\n", items)).append("</ul></div>\n");
            }
        }

        private void section(String heading, String service) {
            out.append("<section class=\"bulletin-section\"><h2>").append(escape(heading)).append("</h2>\n");
            ServiceFigures figures = data.services().get(service);
            if (figures == null) {
                out.append("<p>本节数据暂缺：").append(escape(service)).append("未能提供数据。</p>\n");
            } else {
                periodNote(figures);
                List<IndicatorDto> shown = figures.indicators().stream().filter(Writer::showable).toList();
                if (service.equals(CREDIT)) {
                    lead(figures, pick(shown, CREDIT_LEAD));
                    counties(figures);
                    shown = shown.stream().filter(i -> !CREDIT_LEAD.contains(i.getCode()) && !CREDIT_RISK.contains(i.getCode())).toList();
                }
                if (service.equals("risk-service")) {
                    creditRisk();
                }
                byKind(figures, shown.stream().filter(i -> !SAID_AS_CHANGE.contains(i.getCode())).toList());
                targets(figures, figures.indicators().stream().filter(Writer::showable).filter(i -> i.getTarget() != null).toList());
                if (shown.isEmpty() && !service.equals(CREDIT)) {
                    out.append("<p>本期无可报告的数据。</p>\n");
                }
            }
            out.append("</section>\n");
        }

        private void periodNote(ServiceFigures figures) {
            if (figures.steppedBack()) {
                out.append("<p class=\"period-note\">").append(month(data.period())).append("月数据尚未报齐，本节为")
                        .append(stockTime(figures.period())).append("（累计数为").append(flowTime(figures.period())).append("）数据。</p>\n");
            } else if (!figures.complete()) {
                out.append("<p class=\"period-note\">").append(month(data.period())).append("月数据尚未报齐，以下为已报送机构的数据。</p>\n");
            }
        }

        /** 9月末，全市各项存款余额3165.87亿元，较年初增加363.44亿元，增长12.97%；各项贷款余额…。 */
        private void lead(ServiceFigures figures, List<IndicatorDto> lead) {
            if (lead.isEmpty()) {
                return;
            }
            List<String> clauses = lead.stream().map(i -> clause(figures, i)).toList();
            out.append("<p>").append(stockTime(figures.period())).append("，").append(place()).append(String.join("；", clauses)).append("。</p>\n");
        }

        /** The counties whose growth since the year start is above the city's, for each compared balance. */
        private void counties(ServiceFigures figures) {
            if (!data.region().isCity() || data.counties().isEmpty()) {
                return;
            }
            List<String> readings = new ArrayList<>();
            for (String code : COUNTY_READING) {
                Optional<IndicatorDto> city = figures.indicators().stream().filter(i -> code.equals(i.getCode())).findFirst();
                if (city.isEmpty() || city.get().getGrowthSinceYearStartPct() == null) {
                    continue;
                }
                BigDecimal cityGrowth = city.get().getGrowthSinceYearStartPct();
                record Above(Region region, IndicatorDto indicator, BigDecimal growth) {
                }
                List<Above> above = new ArrayList<>();
                for (CountyFigures county : data.counties()) {
                    county.indicators().stream().filter(i -> code.equals(i.getCode()) && !Boolean.TRUE.equals(i.getSuppressed()))
                            .filter(i -> i.getGrowthSinceYearStartPct() != null && i.getGrowthSinceYearStartPct().compareTo(cityGrowth) > 0)
                            .findFirst().ifPresent(i -> above.add(new Above(county.region(), i, i.getGrowthSinceYearStartPct())));
                }
                above.sort(Comparator.comparing(Above::growth).reversed().thenComparing(a -> a.region().code()));
                String subject = escape(subject(city.get()));
                String cityFigure = fig(CREDIT, city.get(), "growthSinceYearStartPct", figures.period(), Region.CITY, cityGrowth,
                        OfficeUnits::percent);
                if (above.isEmpty()) {
                    readings.add("各县（区）" + subject + "增速均未高于全市（" + signedFig(cityGrowth, cityFigure) + "）");
                } else {
                    List<String> names = above.stream().map(a -> escape(a.region().nameZh()) + "（"
                            + signedFig(a.growth(), fig(CREDIT, a.indicator(), "growthSinceYearStartPct", figures.period(), a.region(),
                            a.growth(), OfficeUnits::percent)) + "）").toList();
                    readings.add(subject + "增速高于全市（" + signedFig(cityGrowth, cityFigure) + "）的有" + String.join("、", names)
                            + "，共" + above.size() + "个县（区）");
                }
            }
            if (!readings.isEmpty()) {
                out.append("<p>分县（区）看，").append(String.join("；", readings)).append("。</p>\n");
            }
        }

        /** 风险防控 starts with credit's bad loans, as the source document's 存在问题 does. */
        private void creditRisk() {
            ServiceFigures credit = data.services().get(CREDIT);
            if (credit == null) {
                return;
            }
            List<IndicatorDto> risk = pick(credit.indicators().stream().filter(Writer::showable).toList(), CREDIT_RISK);
            if (!risk.isEmpty()) {
                out.append("<p>").append(stockTime(credit.period())).append("，").append(place())
                        .append(String.join("；", risk.stream().map(i -> clause(credit, i)).toList())).append("。</p>\n");
            }
        }

        /** Stocks and ratios at the month's end, flows for the year to date: one paragraph each. */
        private void byKind(ServiceFigures figures, List<IndicatorDto> indicators) {
            List<String> stocks = new ArrayList<>();
            List<String> flows = new ArrayList<>();
            for (IndicatorDto indicator : indicators) {
                (kind(indicator).equals("FLOW") ? flows : stocks).add(clause(figures, indicator));
            }
            if (!stocks.isEmpty()) {
                out.append("<p>").append(stockTime(figures.period())).append("，").append(place()).append(String.join("；", stocks)).append("。</p>\n");
            }
            if (!flows.isEmpty()) {
                out.append("<p>").append(flowTime(figures.period())).append("，").append(place()).append("累计")
                        .append(String.join("；", flows)).append("。</p>\n");
            }
        }

        /** A target's progress against the share of the year elapsed (时间过半、任务过半). */
        private void targets(ServiceFigures figures, List<IndicatorDto> withTargets) {
            BigDecimal elapsed = figures.period().yearElapsedPct();
            for (IndicatorDto indicator : withTargets) {
                String service = figures.service();
                StringBuilder sentence = new StringBuilder(escape(shortName(indicator))).append("全年目标")
                        .append(fig(service, indicator, "target", figures.period(), data.region(), Objects.requireNonNull(indicator.getTarget()),
                                shownAs(indicator, "target")));
                BigDecimal progress = indicator.getTargetProgressPct();
                if (progress != null) {
                    sentence.append("，完成").append(signedFig(progress, fig(service, indicator, "targetProgressPct", figures.period(),
                            data.region(), progress, OfficeUnits::percent)));
                }
                sentence.append("，时间进度").append(OfficeUnits.percent(elapsed));
                if (Boolean.TRUE.equals(indicator.getOnTrack())) {
                    sentence.append("，达到时间进度");
                } else if (Boolean.FALSE.equals(indicator.getOnTrack())) {
                    sentence.append("，落后于时间进度");
                }
                if (progress != null && elapsed.compareTo(HALF) >= 0) {
                    sentence.append(progress.compareTo(HALF) >= 0 ? "（时间过半、任务过半）" : "（时间过半、任务未过半）");
                }
                out.append("<p>").append(sentence).append("。</p>\n");
            }
        }

        /**
         * One indicator as the source writes it: a stock with its change and growth since the year start, a flow with its
         * year-on-year growth, a ratio with its change since the year start.
         */
        private String clause(ServiceFigures figures, IndicatorDto indicator) {
            Period period = figures.period();
            String service = figures.service();
            BigDecimal value = Objects.requireNonNull(indicator.getValue());
            String kind = kind(indicator);
            StringBuilder clause = new StringBuilder(escape(shortName(indicator)));
            if (kind.equals("RATIO") && "PERCENT".equals(unit(indicator))) {
                clause.append("为");
            }
            clause.append(value.signum() < 0 ? "-" : "").append(fig(service, indicator, "value", period, data.region(), value, shownAs(indicator, "value")));
            BigDecimal change = indicator.getChangeSinceYearStart();
            if (!kind.equals("FLOW") && change != null && change.signum() == 0) {
                return clause.append("，与年初持平").toString(); // not "较年初增加0，增长0.00%"
            }
            if (!kind.equals("FLOW") && change != null) {
                String more = kind.equals("RATIO") ? "上升" : "增加";
                clause.append("，较年初").append(change.signum() < 0 ? "减少" : more)
                        .append(fig(service, indicator, "changeSinceYearStart", period, data.region(), change, shownAs(indicator, "changeSinceYearStart")));
            }
            BigDecimal growth = indicator.getGrowthSinceYearStartPct();
            if (kind.equals("STOCK") && growth != null) {
                clause.append("，").append(growth.signum() < 0 ? "下降" : "增长")
                        .append(fig(service, indicator, "growthSinceYearStartPct", period, data.region(), growth, OfficeUnits::percent));
            }
            BigDecimal yoy = indicator.getYoyPct();
            if (kind.equals("FLOW") && yoy != null) {
                clause.append("，同比").append(yoy.signum() < 0 ? "下降" : "增长")
                        .append(fig(service, indicator, "yoyPct", period, data.region(), yoy, OfficeUnits::percent));
            }
            return clause.toString();
        }

        /**
         * A figure: the number as a link to its lineage, then its unit; recorded as used; marked {@code revised} when the
         * issued bulletin showed another value for it. The caller writes the sign as a word (增加/减少) or a minus.
         */
        private String fig(String service, IndicatorDto indicator, String field, Period period, Region region, BigDecimal value,
                           Function<BigDecimal, Shown> format) {
            String code = Objects.requireNonNull(indicator.getCode());
            FigureKey key = new FigureKey(service, code, field, period.toString(), region.code());
            used.putIfAbsent(key, new UsedFigure(key, value));
            Shown shown = format.apply(value);
            StringBuilder link = new StringBuilder("<a class=\"fig\" href=\"/#lineage?service=")
                    .append(escape(url(segment(service)))).append("&amp;code=").append(escape(url(code)))
                    .append("&amp;period=").append(escape(url(period.toString()))).append("&amp;region=").append(escape(url(region.code())))
                    .append("\">").append(escape(shown.number())).append("</a>").append(escape(shown.unit()));
            BigDecimal issued = data.issued().get(key);
            if (issued != null && issued.compareTo(value) != 0) {
                link.append("<span class=\"revised\">（通报数").append(escape(signed(issued, format))).append("，修订为")
                        .append(escape(signed(value, format))).append("）</span>");
            }
            return link.toString();
        }

        private String place() {
            return data.region().isCity() ? "全市" : escape(data.region().nameZh());
        }

        private static boolean showable(IndicatorDto indicator) {
            return indicator.getValue() != null && !Boolean.TRUE.equals(indicator.getSuppressed()) && indicator.getCode() != null;
        }

        private static List<IndicatorDto> pick(List<IndicatorDto> indicators, List<String> codes) {
            List<IndicatorDto> picked = new ArrayList<>();
            for (String code : codes) {
                indicators.stream().filter(i -> code.equals(i.getCode())).findFirst().ifPresent(picked::add);
            }
            return picked;
        }

        private static String signedFig(BigDecimal value, String fig) {
            return (value.signum() < 0 ? "-" : "") + fig;
        }

        private static String url(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8);
        }
    }

    private static String signed(BigDecimal value, Function<BigDecimal, Shown> format) {
        return (value.signum() < 0 ? "-" : "") + format.apply(value);
    }

    /** The subject of a published member: "各项存款" + "较年初增长", "不良贷款率" + "" for its value. */
    private static String fieldSubject(IndicatorDto indicator, String field) {
        boolean ratio = kind(indicator).equals("RATIO");
        return switch (field) {
            case "value" -> shortName(indicator);
            case "yearStartValue" -> shortName(indicator) + "年初数";
            case "previousYearValue" -> shortName(indicator) + "上年同期数";
            case "changeSinceYearStart" -> subject(indicator) + (ratio ? "较年初变动" : "较年初增加");
            case "growthSinceYearStartPct" -> subject(indicator) + "较年初增长";
            case "yoyChange" -> subject(indicator) + (ratio ? "同比变动" : "同比增加");
            case "yoyPct" -> subject(indicator) + "同比增长";
            case "target" -> shortName(indicator) + "全年目标";
            case "targetProgressPct" -> shortName(indicator) + "目标完成进度";
            default -> shortName(indicator) + field;
        };
    }

    /** {@code 9月末}. */
    static String stockTime(Period period) {
        return month(period) + "月末";
    }

    /** {@code 1-9月}, as the source document writes a year-to-date flow; {@code 1月} alone. */
    static String flowTime(Period period) {
        int month = month(period);
        return month == 1 ? "1月" : "1-" + month + "月";
    }

    private static int month(Period period) {
        return period.lastDay().getMonthValue();
    }
}
