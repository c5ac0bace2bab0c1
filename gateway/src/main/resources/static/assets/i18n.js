// The page's words in Chinese (first) and English; the choice is kept per tab in sessionStorage.
const LANG_KEY = 'cityfin.lang';

const WORDS = {
  brand: ['CityFin 金融运行', 'CityFin financial monitor'],
  period: ['期间', 'Period'],
  switchLang: ['English', '中文'],
  forgetKey: ['退出', 'Sign out'],
  keyTitle: ['输入 API 密钥', 'Enter your API key'],
  keyNote: ['密钥只保存在本标签页（sessionStorage），关闭后即清除。', 'The key is kept in this tab only (sessionStorage) and is gone when it closes.'],
  keySubmit: ['确定', 'Continue'],
  keyRefused: ['密钥无效或已撤销，请重新输入。', 'The key was refused; enter a valid key.'],
  keyMalformed: ['密钥格式应为 cfk_ 加 43 个字符。', 'A key is cfk_ followed by 43 characters.'],
  overview: ['总览', 'Overview'],
  trends: ['趋势', 'Trends'],
  counties: ['分县区', 'Counties'],
  completeness: ['报送情况', 'Completeness'],
  review: ['审核', 'Review'],
  corrections: ['刊载更正', 'Corrections'],
  bulletin: ['月度通报', 'Bulletin'],
  lineage: ['数据溯源', 'Lineage'],
  loading: ['加载中…', 'Loading…'],
  forbidden: ['当前密钥的角色无权查看此页面。', 'Your key\'s role may not see this view.'],
  failed: ['请求失败：', 'The request failed: '],
  yearElapsed: ['时间进度', 'Year elapsed'],
  sinceYearStart: ['较年初', 'Since year start'],
  yoy: ['同比', 'Year on year'],
  targetProgress: ['目标进度', 'Target progress'],
  onTrack: ['进度达标', 'on track'],
  offTrack: ['进度落后', 'behind'],
  published: ['刊载', 'Published'],
  statusOK: ['正常', 'OK'],
  statusCACHED: ['缓存数据', 'Cached'],
  statusUNAVAILABLE: ['不可用', 'Unavailable'],
  cachedAt: ['数据时间', 'as of'],
  noFigure: ['—', '—'],
  suppressed: ['不予披露（少于3家机构）', 'suppressed, fewer than 3 institutions'],
  noReports: ['无报送数据', 'no figures reported'],
  indicator: ['指标', 'Indicator'],
  thisYear: ['本年', 'This year'],
  lastYear: ['上年同期', 'Previous year'],
  month: ['月', ''],
  expected: ['应报', 'Expected'],
  submitted: ['已报', 'Submitted'],
  missing: ['未报', 'Missing'],
  allReported: ['全部已报送。', 'Everyone has reported.'],
  noReportsTaken: ['该服务不收集定期报表。', 'This service takes no periodic reports.'],
  warnings: ['待审核预警', 'Warnings to review'],
  alerts: ['未处理风险预警', 'Open risk alerts'],
  none: ['无。', 'None.'],
  markReviewed: ['标记已审核', 'Mark reviewed'],
  acknowledge: ['确认', 'Acknowledge'],
  close: ['关闭', 'Close'],
  service: ['服务', 'Service'],
  institution: ['机构', 'Institution'],
  code: ['代码', 'Code'],
  message: ['说明', 'Message'],
  rule: ['规则', 'Rule'],
  subject: ['对象', 'Subject'],
  region: ['地区', 'Region'],
  severity: ['等级', 'Severity'],
  value: ['数值', 'Value'],
  actions: ['操作', 'Actions'],
  document: ['文件', 'Document'],
  field: ['口径', 'Field'],
  computed: ['计算值', 'Computed'],
  differs: ['与数据不符', 'differs'],
  agrees: ['在舍入范围内一致', 'within rounding'],
  noPublished: ['没有登记的刊载数字。', 'No published figures are recorded.'],
  liveBulletin: ['现行通报（按当前数据生成）', 'Live bulletin (from the current data)'],
  issuedBulletin: ['已发布通报', 'Issued bulletin'],
  notIssued: ['本期尚未发布通报。', 'No bulletin has been issued for this period.'],
  issue: ['发布本期通报', 'Issue this bulletin'],
  downloadPdf: ['下载 PDF', 'Download PDF'],
  issuedMeta: ['第 {0} 期，发布于 {1}，发布人 {2}', 'No. {0}, issued {1} by {2}'],
  issues: ['历次发布', 'Issues'],
  issueNumber: ['第 {0} 期', 'No. {0}'],
  number: ['期号', 'No.'],
  issuedAt: ['发布时间', 'Issued'],
  issuedBy: ['发布人', 'Issued by'],
  show: ['查看', 'Show'],
  formula: ['计算方式', 'Formula'],
  readings: ['读数', 'Readings'],
  inputs: ['输入指标', 'Inputs'],
  reports: ['报表版本', 'Report versions'],
  records: ['记录', 'Records'],
  version: ['版本', 'Version'],
  receivedAt: ['接收时间', 'Received'],
  contentHash: ['内容摘要', 'Content hash'],
  lines: ['行', 'Lines'],
  item: ['项目', 'Item'],
  total: ['合计', 'Total'],
  role_PERIOD: ['本期', 'This period'],
  role_YEAR_START: ['年初', 'Year start'],
  role_YEAR_EARLIER: ['上年同期', 'A year earlier'],
  role_YEAR_EARLIER_YEAR_START: ['上年年初', 'Year start a year earlier'],
  lineageHint: ['选择服务、指标代码和地区。', 'Choose a service, an indicator code and a region.'],
  collection: ['记录集', 'Collection'],
  recordedAt: ['记录时间', 'Recorded'],
  key: ['键', 'Key'],
  joined: ['关联版本', 'Read with'],
  severity_RED: ['红色', 'red'],
  severity_ORANGE: ['橙色', 'orange'],
  severity_YELLOW: ['黄色', 'yellow'],
  field_value: ['数值', 'value'],
  field_yearStartValue: ['年初值', 'year-start value'],
  field_changeSinceYearStart: ['较年初增减', 'change since year start'],
  field_growthSinceYearStartPct: ['较年初增长', 'growth since year start'],
  field_previousYearValue: ['上年同期值', 'previous year'],
  field_yoyChange: ['同比增减', 'year-on-year change'],
  field_yoyPct: ['同比增长', 'year-on-year growth'],
  field_target: ['目标', 'target'],
  field_targetProgressPct: ['目标进度', 'target progress'],
};

export function lang() {
  return sessionStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh';
}

export function setLang(value) {
  sessionStorage.setItem(LANG_KEY, value === 'en' ? 'en' : 'zh');
}

/** The word for key in the current language, with {0}, {1}, … replaced by args. */
export function t(key, ...args) {
  const pair = WORDS[key];
  let text = pair ? pair[lang() === 'en' ? 1 : 0] : key;
  args.forEach((arg, i) => { text = text.replace('{' + i + '}', String(arg)); });
  return text;
}

/** nameZh or nameEn of anything that has both. */
export function nameOf(thing) {
  if (!thing) return '';
  return (lang() === 'en' ? thing.nameEn : thing.nameZh) || thing.nameZh || thing.nameEn || thing.code || '';
}
