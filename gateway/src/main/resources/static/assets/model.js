// What the page knows of the platform: the five services (path segments of /api/v1/{segment}/), their headline
// indicators, the city's code (architecture.md) and the regions the gateway lists.
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

// The regions come from the gateway (GET /api/v1/regions, common's Region): app.js sets them once the key is
// entered, before any view renders, so a county added there shows here with no change to the page.
let regions = [];

export function setRegions(list) {
  regions = Array.isArray(list) ? list.filter((r) => r && typeof r.code === 'string') : [];
}

/** The city and its county-level regions, the city first, as the gateway lists them. */
export function allRegions() {
  return regions.slice();
}

/** The county-level regions: every region but the city. */
export function countyRegions() {
  return regions.filter((r) => !r.city);
}

export function regionByCode(code) {
  return regions.find((r) => r.code === code) || { code, nameZh: code, nameEn: code };
}

/** The Indicator members a published figure may name, in the order the page lists them. */
export const FIELDS = ['value', 'yearStartValue', 'changeSinceYearStart', 'growthSinceYearStartPct', 'previousYearValue',
  'yoyChange', 'yoyPct', 'target', 'targetProgressPct'];

/** The link to an indicator's lineage view. */
export function lineageHref(segment, code, period, region) {
  const query = new URLSearchParams({ service: segment, code, period, region: region || CITY });
  return '#lineage?' + query.toString();
}
