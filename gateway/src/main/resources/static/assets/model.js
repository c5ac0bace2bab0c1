// What the page knows of the platform: the five services (path segments of /api/v1/{segment}/), their headline
// indicators, and the city's regions (common's Region; indicators.yaml lists the same codes).
export const CITY = '361000';

export const SERVICES = [
  { service: 'credit-service', segment: 'credit', nameZh: '金融运行', nameEn: 'Credit', reports: true,
    headline: ['DEPOSIT_BALANCE', 'LOAN_BALANCE', 'NPL_RATIO', 'INCLUSIVE_SME_LOAN_BALANCE', 'LOAN_INCREASE_YTD'] },
  { service: 'insurance-service', segment: 'insurance', nameZh: '保险', nameEn: 'Insurance', reports: true,
    headline: ['PREMIUM_TOTAL_YTD', 'PREMIUM_PC_YTD', 'PREMIUM_LIFE_YTD', 'CLAIMS_PAID_YTD', 'AGRI_SUM_INSURED_YTD'] },
  { service: 'capital-market-service', segment: 'capital-market', nameZh: '资本市场', nameEn: 'Capital market', reports: false,
    headline: ['DIRECT_FINANCING_YTD', 'LISTED_COMPANY_COUNT', 'NEW_LISTINGS_YTD', 'IPO_PIPELINE_COUNT'] },
  { service: 'platform-service', segment: 'platform', nameZh: '融资平台', nameEn: 'Financing platforms', reports: false,
    headline: ['PLATFORM_FINANCING_YTD', 'PLATFORM_RATED_AA_OR_ABOVE_COUNT', 'PLATFORM_DIRECT_FINANCING_YTD'] },
  { service: 'risk-service', segment: 'risk', nameZh: '风险防控', nameEn: 'Risk', reports: true,
    headline: ['AIF_PUBLICITY_SETTINGS_YTD', 'ALERTS_OPEN_RED_COUNT', 'ALERTS_OPEN_ORANGE_COUNT', 'LENDING_CHAOS_LEADS_YTD'] },
];

export function serviceByName(name) {
  return SERVICES.find((s) => s.service === name || s.segment === name) || null;
}

export const REGIONS = [
  { code: '361000', nameZh: '抚州市', nameEn: 'Fuzhou City' },
  { code: '361002', nameZh: '临川区', nameEn: 'Linchuan District' },
  { code: '361003', nameZh: '东乡区', nameEn: 'Dongxiang District' },
  { code: '361021', nameZh: '南城县', nameEn: 'Nancheng County' },
  { code: '361022', nameZh: '黎川县', nameEn: 'Lichuan County' },
  { code: '361023', nameZh: '南丰县', nameEn: 'Nanfeng County' },
  { code: '361024', nameZh: '崇仁县', nameEn: 'Chongren County' },
  { code: '361025', nameZh: '乐安县', nameEn: 'Le\'an County' },
  { code: '361026', nameZh: '宜黄县', nameEn: 'Yihuang County' },
  { code: '361027', nameZh: '金溪县', nameEn: 'Jinxi County' },
  { code: '361028', nameZh: '资溪县', nameEn: 'Zixi County' },
  { code: '361030', nameZh: '广昌县', nameEn: 'Guangchang County' },
  { code: '361090', nameZh: '高新区', nameEn: 'High-tech Zone' },
];

export const COUNTIES = REGIONS.filter((r) => r.code !== CITY);

export function regionByCode(code) {
  return REGIONS.find((r) => r.code === code) || { code, nameZh: code, nameEn: code };
}

/** The Indicator members a published figure may name, in the order the page lists them. */
export const FIELDS = ['value', 'yearStartValue', 'changeSinceYearStart', 'growthSinceYearStartPct', 'previousYearValue',
  'yoyChange', 'yoyPct', 'target', 'targetProgressPct'];

/** The link to an indicator's lineage view. */
export function lineageHref(segment, code, period, region) {
  const query = new URLSearchParams({ service: segment, code, period, region: region || CITY });
  return '#lineage?' + query.toString();
}
