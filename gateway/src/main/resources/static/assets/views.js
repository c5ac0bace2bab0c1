// The page's views; each renders into the view element from the API and answers when it is done.
import { api, optional, ApiError } from './api.js';
import { h, table, button, importBulletin } from './dom.js';
import { t, nameOf, lang } from './i18n.js';
import { amount, member, pct, differs, chartScale, onScale, time } from './format.js';
import { CITY, SERVICES, FIELDS, serviceByName, allRegions, countyRegions, regionByCode, lineageHref } from './model.js';

const charts = [];

export function disposeCharts() {
  while (charts.length) charts.pop().dispose();
}

export function resizeCharts() {
  charts.forEach((chart) => chart.resize());
}

function chart(element, option) {
  if (!element.isConnected) return null; // a view left before it finished
  const instance = window.echarts.init(element, null, { renderer: 'canvas' });
  instance.setOption(Object.assign({
    animation: false,
    // richText: the tooltip is drawn on the canvas, never HTML with style attributes (the CSP has no 'unsafe-inline')
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    textStyle: { fontFamily: 'sans-serif' },
  }, option));
  charts.push(instance);
  return instance;
}

/** An action's handler: a refusal or failure is shown in the view, never left as an unhandled rejection. */
function guarded(action) {
  return async () => {
    try {
      await action();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return; // the key panel is showing
      const text = error instanceof ApiError && error.status === 403 ? t('forbidden') : t('failed') + error.message;
      document.getElementById('view').appendChild(h('p', { class: 'error', id: 'view-error', dataset: { status: error.status || 0 } }, text));
      document.body.dataset.state = 'ready';
    }
  };
}

/** A heading line of a view. */
function heading(title, ...extra) {
  return h('div', { class: 'view-head' }, h('h2', null, title), extra);
}

/** Each service's published figures for a period and region, by "code|field" (a service that fails adds none). */
async function publishedFigures(period, region) {
  const byKey = new Map();
  const query = new URLSearchParams({ period, region });
  const answers = await Promise.allSettled(SERVICES.map((s) =>
    api('/api/v1/' + s.segment + '/published-figures?' + query.toString())));
  answers.forEach((answer) => {
    if (answer.status !== 'fulfilled' || !Array.isArray(answer.value)) return;
    answer.value.forEach((record) => {
      const figure = record.content || record;
      if (!figure || figure.period === undefined) return;
      byKey.set(figure.indicator + '|' + figure.field, figure);
    });
  });
  return byKey;
}

function publishedText(figure, unit) {
  return t('published') + ' ' + (figure.printed || member(figure.field, figure.value, unit));
}

/** The published figure of (indicator, field) when it differs from the computed member, as a span; else null. */
function publishedBeside(figures, indicator, field) {
  const figure = figures.get(indicator.code + '|' + field);
  if (!figure || !differs(indicator[field], figure.value, figure.rounding)) return null;
  return h('span', { class: 'published', title: figure.document || '' , dataset: { field } }, publishedText(figure, indicator.unit));
}

function statusBadge(source) {
  const status = source ? source.status : 'UNAVAILABLE';
  const badge = h('span', { class: 'status status-' + status.toLowerCase(), dataset: { status } }, t('status' + status));
  if (status === 'CACHED') badge.appendChild(document.createTextNode(' · ' + t('cachedAt') + ' ' + time(source.servedFromCacheAt)));
  return badge;
}

// ---------------------------------------------------------------------------------------------------------- overview

export async function overview(view, { period }) {
  const [data, figures] = await Promise.all([
    api('/api/v1/indicators?' + new URLSearchParams({ period, region: CITY }).toString()),
    publishedFigures(period, CITY),
  ]);
  view.appendChild(heading(t('overview') + ' · ' + data.period,
    h('p', { class: 'elapsed' }, t('yearElapsed') + ' ' + pct(data.yearElapsedPct))));
  const cards = h('div', { class: 'cards' });
  SERVICES.forEach((service) => {
    const source = (data.sources || []).find((s) => s.service === service.service);
    const all = (data.indicators || []).filter((i) => i.source === service.service);
    let shown = service.headline.map((code) => all.find((i) => i.code === code)).filter(Boolean);
    if (shown.length === 0) shown = all.slice(0, 4);
    all.forEach((indicator) => {
      if (!shown.includes(indicator) && FIELDS.some((f) => publishedBeside(figures, indicator, f))) shown.push(indicator);
    });
    const card = h('section', { class: 'card', dataset: { service: service.service } },
      h('header', { class: 'card-head' }, h('h3', null, nameOf(service)), statusBadge(source)),
      source && source.status !== 'OK' && source.detail ? h('p', { class: 'detail' }, source.detail) : null,
      shown.length === 0 ? h('p', { class: 'empty' }, t('noFigure')) : null,
      shown.map((indicator) => indicatorBlock(indicator, service, data, figures)));
    cards.appendChild(card);
  });
  view.appendChild(cards);
}

function indicatorBlock(indicator, service, data, figures) {
  const link = h('a', { class: 'value', href: lineageHref(service.segment, indicator.code, data.period, data.region) },
    indicator.suppressed ? t('suppressed') : member('value', indicator.value, indicator.unit));
  const facts = h('dl', { class: 'facts' });
  const fact = (label, text, ...fields) => {
    facts.appendChild(h('dt', null, label));
    facts.appendChild(h('dd', { dataset: { fields: fields.join(' ') } }, text,
      fields.map((f) => publishedBeside(figures, indicator, f))));
  };
  if (indicator.changeSinceYearStart !== null || indicator.growthSinceYearStartPct !== null) {
    const parts = [member('changeSinceYearStart', indicator.changeSinceYearStart, indicator.unit)];
    if (indicator.growthSinceYearStartPct !== null) parts.push(member('growthSinceYearStartPct', indicator.growthSinceYearStartPct, indicator.unit));
    fact(t('sinceYearStart'), parts.join(' / '), 'changeSinceYearStart', 'growthSinceYearStartPct');
  }
  if (indicator.yoyChange !== null || indicator.yoyPct !== null) {
    const parts = [member('yoyChange', indicator.yoyChange, indicator.unit)];
    if (indicator.yoyPct !== null) parts.push(member('yoyPct', indicator.yoyPct, indicator.unit));
    fact(t('yoy'), parts.join(' / '), 'yoyChange', 'yoyPct');
  }
  if (indicator.targetProgressPct !== null) {
    const state = indicator.onTrack === null ? '' : ' · ' + (indicator.onTrack ? t('onTrack') : t('offTrack'));
    fact(t('targetProgress'), pct(indicator.targetProgressPct) + ' / ' + t('yearElapsed') + ' ' + pct(data.yearElapsedPct) + state,
      'targetProgressPct', 'target');
  }
  const others = ['yearStartValue', 'previousYearValue'].map((f) => publishedBeside(figures, indicator, f)).filter(Boolean);
  return h('div', { class: 'ind', dataset: { code: indicator.code, onTrack: indicator.onTrack === null ? 'none' : indicator.onTrack } },
    h('div', { class: 'ind-name' }, nameOf(indicator)),
    h('div', { class: 'ind-value' }, link, publishedBeside(figures, indicator, 'value')),
    facts, others.length ? h('div', { class: 'ind-other' }, others) : null);
}

// ------------------------------------------------------------------------------------------------- indicator picker

/** The indicators of the period (from the consolidated answer) as a select; chosen is the code shown. */
async function indicatorPicker(period, chosen, onChange, id) {
  const data = await api('/api/v1/indicators?' + new URLSearchParams({ period, region: CITY }).toString());
  const select = h('select', { id, 'aria-label': t('indicator') });
  SERVICES.forEach((service) => {
    const group = h('optgroup', { label: nameOf(service) });
    (data.indicators || []).filter((i) => i.source === service.service).forEach((indicator) => {
      group.appendChild(h('option', { value: indicator.code, selected: indicator.code === chosen }, nameOf(indicator) + ' (' + indicator.code + ')'));
    });
    if (group.children.length) select.appendChild(group);
  });
  select.addEventListener('change', () => onChange(select.value));
  const indicator = (data.indicators || []).find((i) => i.code === chosen);
  return { select, indicator, service: indicator ? serviceByName(indicator.source) : null };
}

function navigateWith(name, params) {
  location.hash = name + '?' + new URLSearchParams(params).toString();
}

// ------------------------------------------------------------------------------------------------------------ trends

export async function trends(view, { period, params }) {
  const code = params.get('code') || 'DEPOSIT_BALANCE';
  const picker = await indicatorPicker(period, code, (value) => navigateWith('trends', { code: value }), 'trend-code');
  const year = period.slice(0, 4);
  view.appendChild(heading(t('trends') + ' · ' + year, h('label', { class: 'picker' }, picker.select)));
  if (!picker.indicator) return;
  const now = new Date();
  const months = [];
  for (let m = 1; m <= 12; m++) {
    const p = year + '-' + String(m).padStart(2, '0');
    if (Number(year) > now.getFullYear() || (Number(year) === now.getFullYear() && m > now.getMonth() + 1)) break;
    months.push(p);
  }
  const answers = await Promise.all(months.map((p) =>
    api('/api/v1/' + picker.service.segment + '/indicators?' + new URLSearchParams({ period: p, region: CITY }).toString())
      .then((set) => (set.indicators || []).find((i) => i.code === code) || null)));
  const unit = picker.indicator.unit;
  const max = Math.max(0, ...answers.flatMap((a) => (a ? [Math.abs(a.value || 0), Math.abs(a.previousYearValue || 0)] : [])));
  const scale = chartScale(unit, max);
  const element = h('div', { class: 'chart', id: 'trend-chart', dataset: { months: months.length } });
  view.appendChild(h('p', { class: 'unit' }, nameOf(picker.indicator) + (scale.name ? ' (' + scale.name + ')' : '')));
  view.appendChild(element);
  const labels = months.map((p) => (lang() === 'en' ? p : Number(p.slice(5)) + t('month')));
  chart(element, {
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: labels },
    yAxis: { type: 'value', name: scale.name },
    // bars: a month without figures is a gap, not a line drawn across it
    series: [
      { name: t('thisYear') + ' ' + year, type: 'bar', data: answers.map((a) => (a ? onScale(a.value, scale) : null)) },
      { name: t('lastYear') + ' ' + (Number(year) - 1), type: 'bar',
        data: answers.map((a) => (a ? onScale(a.previousYearValue, scale) : null)) },
    ],
  });
  view.appendChild(table([t('period'), t('thisYear'), t('lastYear'), t('yoy')], months.map((p, i) => {
    const a = answers[i];
    return h('tr', null, h('td', null, p), h('td', null, a ? amount(a.value, unit) : '—'),
      h('td', null, a ? amount(a.previousYearValue, unit) : '—'), h('td', null, a ? pct(a.yoyPct, true) : '—'));
  })));
}

// ---------------------------------------------------------------------------------------------------------- counties

export async function counties(view, { period, params }) {
  const code = params.get('code') || 'LOAN_BALANCE';
  const picker = await indicatorPicker(period, code, (value) => navigateWith('counties', { code: value }), 'county-code');
  view.appendChild(heading(t('counties') + ' · ' + period, h('label', { class: 'picker' }, picker.select)));
  if (!picker.indicator) return;
  const segment = picker.service.segment;
  // one bar per county the gateway lists (common's Region) that has a figure
  const answers = await Promise.all(countyRegions().map((region) =>
    api('/api/v1/' + segment + '/indicators?' + new URLSearchParams({ period, region: region.code }).toString())
      .then((set) => ({ region, indicator: (set.indicators || []).find((i) => i.code === code) || null }))));
  const reporting = answers.filter((a) => a.indicator && !a.indicator.suppressed && a.indicator.value !== null);
  const suppressed = answers.filter((a) => a.indicator && a.indicator.suppressed);
  const silent = answers.filter((a) => !reporting.includes(a) && !suppressed.includes(a));
  const unit = picker.indicator.unit;
  const max = Math.max(0, ...reporting.map((a) => Math.abs(a.indicator.value)));
  const scale = chartScale(unit, max);
  view.appendChild(h('p', { class: 'unit' }, nameOf(picker.indicator) + (scale.name ? ' (' + scale.name + ')' : '')));
  const element = h('div', { class: 'chart chart-bars', id: 'county-chart', dataset: { bars: reporting.length } });
  element.style.height = Math.max(200, reporting.length * 32 + 48) + 'px'; // CSSOM, which the CSP allows
  view.appendChild(element);
  const ordered = reporting.slice().reverse();
  chart(element, {
    tooltip: { trigger: 'item', renderMode: 'richText' },
    grid: { left: 8, right: 72, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', name: scale.name },
    yAxis: { type: 'category', data: ordered.map((a) => nameOf(a.region)) },
    series: [{ type: 'bar', name: nameOf(picker.indicator), label: { show: true, position: 'right', formatter: (p) => Number(p.value).toFixed(scale.places) },
      data: ordered.map((a) => ({ value: onScale(a.indicator.value, scale), regionCode: a.region.code })) }],
  });
  const list = h('ul', { class: 'county-list', id: 'county-list' });
  reporting.forEach((a) => list.appendChild(h('li', { dataset: { region: a.region.code, state: 'reported' } },
    h('a', { href: lineageHref(segment, code, period, a.region.code) }, nameOf(a.region)), ' ', amount(a.indicator.value, unit))));
  suppressed.forEach((a) => list.appendChild(h('li', { class: 'suppressed', dataset: { region: a.region.code, state: 'suppressed' } },
    nameOf(a.region), ' ', t('suppressed'))));
  silent.forEach((a) => list.appendChild(h('li', { class: 'silent', dataset: { region: a.region.code, state: 'none' } },
    nameOf(a.region), ' ', t('noReports'))));
  view.appendChild(list);
}

// ------------------------------------------------------------------------------------------------------ completeness

export async function completeness(view, { period }) {
  view.appendChild(heading(t('completeness') + ' · ' + period));
  const cards = h('div', { class: 'cards' });
  view.appendChild(cards);
  const services = SERVICES.filter((s) => s.reports);
  const sheets = await Promise.all(services.map((s) =>
    api('/api/v1/' + s.segment + '/submissions?' + new URLSearchParams({ period }).toString())));
  services.forEach((service, i) => {
    const sheet = sheets[i];
    const missing = (sheet.institutions || []).filter((row) => row.status !== 'SUBMITTED');
    cards.appendChild(h('section', { class: 'card', dataset: { service: service.service } },
      h('header', { class: 'card-head' }, h('h3', null, nameOf(service))),
      h('p', { class: 'counts' }, t('expected') + ' ' + sheet.expected + ' · ' + t('submitted') + ' ' + sheet.submitted
        + ' · ' + t('missing') + ' ' + sheet.missing),
      missing.length === 0 ? h('p', { class: 'empty' }, t('allReported'))
        : h('ul', { class: 'missing' }, missing.map((row) => h('li', null, row.institutionName, ' ',
          h('small', null, row.institutionCode))))));
  });
}

// ------------------------------------------------------------------------------------------------------------ review

export async function review(view, { period, rerender }) {
  view.appendChild(heading(t('review') + ' · ' + period));
  const warningLists = await Promise.all(SERVICES.map((s) =>
    api('/api/v1/' + s.segment + '/warnings?' + new URLSearchParams({ period, reviewed: 'false' }).toString())));
  const rows = [];
  SERVICES.forEach((service, i) => (warningLists[i] || []).forEach((w) => {
    rows.push(h('tr', { dataset: { warning: w.id } },
      h('td', null, nameOf(service)),
      h('td', null, w.institutionCode || ((w.collection || '') + ' ' + (w.recordKey || w.recordId || ''))),
      h('td', null, w.period || '—'),
      h('td', null, w.code),
      h('td', null, w.message),
      h('td', null, button(t('markReviewed'), guarded(async () => {
        await api('/api/v1/' + service.segment + '/warnings/' + encodeURIComponent(w.id) + '/review', { method: 'POST' });
        rerender();
      })))));
  }));
  view.appendChild(h('h3', null, t('warnings')));
  view.appendChild(rows.length ? table([t('service'), t('institution'), t('period'), t('code'), t('message'), t('actions')], rows)
    : h('p', { class: 'empty' }, t('none')));
  const [alerts, rules] = await Promise.all([
    api('/api/v1/risk/alerts?' + new URLSearchParams({ status: 'OPEN' }).toString()),
    api('/api/v1/risk/alert-rules'),
  ]);
  const ruleName = (code) => {
    const rule = (rules || []).find((r) => r.code === code);
    return rule ? nameOf(rule) : code;
  };
  view.appendChild(h('h3', null, t('alerts')));
  const change = (alert, status) => guarded(async () => {
    await api('/api/v1/risk/alerts/' + encodeURIComponent(alert.id) + '/status', { method: 'PUT', body: { status } });
    rerender();
  });
  view.appendChild((alerts || []).length ? table([t('rule'), t('subject'), t('region'), t('period'), t('severity'), t('value'), t('actions')],
    alerts.map((alert) => h('tr', { dataset: { alert: alert.id } },
      h('td', null, ruleName(alert.rule)), h('td', null, alert.subjectName || alert.subject), h('td', null, nameOf(regionByCode(alert.region))),
      h('td', null, alert.period),
      h('td', null, h('span', { class: 'severity severity-' + String(alert.severity).toLowerCase() }, t('severity_' + alert.severity))),
      h('td', null, String(alert.value)),
      h('td', null, button(t('acknowledge'), change(alert, 'ACKNOWLEDGED')), ' ', button(t('close'), change(alert, 'CLOSED'))))))
    : h('p', { class: 'empty' }, t('none')));
}

// ------------------------------------------------------------------------------------------------------- corrections

export async function corrections(view) {
  view.appendChild(heading(t('corrections')));
  const lists = await Promise.all(SERVICES.map((s) => optional('/api/v1/' + s.segment + '/published-figures?limit=1000', [404])));
  const rows = [];
  for (let i = 0; i < SERVICES.length; i++) {
    const service = SERVICES[i];
    const figures = (lists[i] || []).map((record) => record.content || record);
    const sets = new Map();
    for (const figure of figures) {
      const key = figure.period + '|' + figure.region;
      if (!sets.has(key)) {
        sets.set(key, api('/api/v1/' + service.segment + '/indicators?' + new URLSearchParams({ period: figure.period, region: figure.region }).toString()));
      }
    }
    for (const figure of figures) {
      const set = await sets.get(figure.period + '|' + figure.region);
      const indicator = (set.indicators || []).find((x) => x.code === figure.indicator);
      const unit = indicator ? indicator.unit : null;
      const computed = indicator ? indicator[figure.field] : null;
      const off = differs(computed, figure.value, figure.rounding);
      rows.push(h('tr', { class: off ? 'differs' : 'agrees', dataset: { indicator: figure.indicator, field: figure.field } },
        h('td', null, figure.document), h('td', null, indicator ? nameOf(indicator) : figure.indicator),
        h('td', null, figure.period), h('td', null, nameOf(regionByCode(figure.region))), h('td', null, t('field_' + figure.field)),
        h('td', null, figure.printed || member(figure.field, figure.value, unit)),
        h('td', null, h('a', { href: lineageHref(service.segment, figure.indicator, figure.period, figure.region) }, member(figure.field, computed, unit))),
        h('td', null, off ? t('differs') : t('agrees'))));
    }
  }
  view.appendChild(rows.length ? table([t('document'), t('indicator'), t('period'), t('region'), t('field'), t('published'),
    t('computed'), ''], rows, 'corrections') : h('p', { class: 'empty' }, t('noPublished')));
}

// ---------------------------------------------------------------------------------------------------------- bulletin

/** Saves a Blob fetched with the key (a PDF) as a file: the key never goes into a URL, so no plain link can fetch it. */
function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: name });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export async function bulletin(view, { period, params, rerender }) {
  const query = new URLSearchParams({ region: CITY }).toString();
  const base = '/api/v1/bulletins/' + encodeURIComponent(period);
  view.appendChild(heading(t('bulletin') + ' · ' + period,
    button(t('issue'), guarded(async () => {
      await api(base + '/issue?' + query, { method: 'POST' });
      // the new issue is the latest: show it, not the one an earlier link asked for
      if (params.has('issue')) location.hash = 'bulletin';
      else rerender();
    }), { id: 'bulletin-issue' }),
    button(t('downloadPdf'), guarded(async () => {
      saveBlob(await api(base + '?' + query, { accept: 'application/pdf', as: 'blob' }), 'bulletin-' + period + '.pdf');
    }), { id: 'bulletin-pdf' })));
  // the issues are listed first (an empty list when none), so that "not issued yet" is no failed request
  const [live, issues] = await Promise.all([
    api(base + '?' + query, { accept: 'text/html', as: 'text' }),
    api(base + '/issues?' + query),
  ]);
  // the issue asked for (#bulletin?issue=N, the list's links), else the latest (the list is newest first)
  const asked = Number(params.get('issue'));
  const shown = issues.find((issue) => issue.number === asked) || issues[0] || null;
  const issued = shown === null ? null
    : await api(base + '/issues/' + encodeURIComponent(shown.number) + '?' + query, { accept: 'text/html', as: 'text' });
  const liveArticle = importBulletin(live);
  // the list first, above the long live bulletin, so that every issue is found without scrolling
  if (issues.length) view.appendChild(issueList(issues, shown, base, query, period));
  view.appendChild(h('section', { class: 'bulletin-box', id: 'bulletin-live' }, h('h3', null, t('liveBulletin')), liveArticle));
  const issuedBox = h('section', { class: 'bulletin-box', id: 'bulletin-issued', dataset: { number: shown ? shown.number : 'none' } },
    h('h3', null, t('issuedBulletin')));
  if (issued === null) {
    issuedBox.appendChild(h('p', { class: 'empty' }, t('notIssued')));
  } else {
    issuedBox.appendChild(h('p', { class: 'issued-meta' }, issueMeta(shown)));
    issuedBox.appendChild(importBulletin(issued));
  }
  view.appendChild(issuedBox);
  // an issue asked for by its link: show it, below the live bulletin
  if (shown !== null && shown.number === asked) issuedBox.scrollIntoView();
}

function issueMeta(issue) {
  return t('issuedMeta', issue.number, time(issue.issuedAt), issue.issuedBy || '—');
}

/**
 * Every issue of the month, newest first: its number, when and by whom, a link that shows its HTML below (the page
 * fetches it with the key) and its PDF (fetched with the key, saved from a Blob).
 */
function issueList(issues, shown, base, query, period) {
  const rows = issues.map((issue) => h('tr', { dataset: { number: issue.number }, class: shown && issue.number === shown.number ? 'shown' : null },
    h('td', null, t('issueNumber', issue.number)),
    h('td', null, time(issue.issuedAt)),
    h('td', null, issue.issuedBy || '—'),
    h('td', null,
      h('a', { class: 'issue-html', href: '#bulletin?' + new URLSearchParams({ issue: issue.number }).toString() }, 'HTML'), ' ',
      button('PDF', guarded(async () => {
        const pdf = await api(base + '/issues/' + encodeURIComponent(issue.number) + '?' + query, { accept: 'application/pdf', as: 'blob' });
        saveBlob(pdf, 'bulletin-' + period + '-' + issue.number + '.pdf');
      }), { class: 'issue-pdf' }))));
  return h('section', { class: 'bulletin-box', id: 'bulletin-issues' }, h('h3', null, t('issues')),
    table([t('number'), t('issuedAt'), t('issuedBy'), t('actions')], rows, 'issues'));
}

// ----------------------------------------------------------------------------------------------------------- lineage

export async function lineage(view, { period, params }) {
  const service = serviceByName(params.get('service') || 'credit');
  const code = params.get('code');
  const region = params.get('region') || CITY;
  const asked = params.get('period') || period;
  view.appendChild(heading(t('lineage')));
  const form = h('form', { class: 'lineage-form', id: 'lineage-form' },
    h('select', { name: 'service', 'aria-label': t('service') }, SERVICES.map((s) =>
      h('option', { value: s.segment, selected: service && s.segment === service.segment }, nameOf(s)))),
    h('input', { name: 'code', value: code || '', placeholder: 'DEPOSIT_BALANCE', 'aria-label': t('code'), spellcheck: 'false' }),
    h('input', { name: 'period', value: asked, 'aria-label': t('period'), spellcheck: 'false' }),
    h('select', { name: 'region', 'aria-label': t('region') }, allRegions().map((r) =>
      h('option', { value: r.code, selected: r.code === region }, nameOf(r)))),
    h('button', { type: 'submit' }, t('show')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    navigateWith('lineage', { service: data.get('service'), code: String(data.get('code')).trim(), period: String(data.get('period')).trim(), region: data.get('region') });
  });
  view.appendChild(form);
  if (!service || !code) {
    view.appendChild(h('p', { class: 'empty' }, t('lineageHint')));
    return;
  }
  const answer = await api('/api/v1/' + service.segment + '/indicators/' + encodeURIComponent(code) + '/lineage?'
    + new URLSearchParams({ period: asked, region }).toString());
  view.appendChild(lineageNode(answer, service.segment));
}

function lineageNode(node, segment) {
  const box = h('section', { class: 'lineage-node', dataset: { code: node.code } },
    h('h3', null, nameOf(node) + ' ', h('small', null, node.code + ' · ' + node.service)),
    h('p', { class: 'lineage-value' }, node.period + ' · ' + nameOf(regionByCode(node.region)) + ' · ',
      h('strong', null, amount(node.value, node.unit))),
    node.formula ? h('p', { class: 'formula' }, t('formula') + ': ' + node.formula) : null);
  (node.readings || []).forEach((reading) => {
    box.appendChild(h('h4', null, t('role_' + reading.role) + ' · ' + reading.period + (reading.item ? ' · ' + reading.item : '')
      + ' · ' + t('total') + ' ' + (reading.total == null ? '—' : amount(reading.total, node.unit) + ' (' + String(reading.total) + ')')));
    if ((reading.reports || []).length) {
      box.appendChild(table([t('institution'), t('version'), t('receivedAt'), t('contentHash'), t('lines')],
        reading.reports.map((report) => h('tr', null,
          h('td', null, report.institutionName, ' ', h('small', null, report.institutionCode)),
          h('td', null, String(report.version)), h('td', null, time(report.receivedAt)),
          h('td', { class: 'hash' }, report.contentHash),
          h('td', null, h('ul', { class: 'lines' }, (report.lines || []).map((line) =>
            h('li', null, line.item + ' · ' + nameOf(regionByCode(line.region)) + ' · ' + String(line.value)))))))));
    }
    if ((reading.records || []).length) {
      box.appendChild(table([t('collection'), t('key'), t('version'), t('recordedAt'), t('contentHash'), t('value'), t('joined')],
        reading.records.map((record) => h('tr', null, h('td', null, record.collection), h('td', null, record.key || record.id),
          h('td', null, String(record.version)), h('td', null, time(record.recordedAt)), h('td', { class: 'hash' }, record.contentHash || '—'),
          h('td', null, record.value == null ? '—' : String(record.value)),
          h('td', null, (record.joined || []).length ? h('ul', { class: 'joined' }, record.joined.map((version) =>
            h('li', null, version.collection + ' · ' + (version.key || version.id) + ' · ' + t('version') + ' ' + String(version.version)))) : '—')))));
    }
  });
  if ((node.inputs || []).length) {
    box.appendChild(h('h4', null, t('inputs')));
    node.inputs.forEach((input) => box.appendChild(h('details', { class: 'lineage-input', open: true },
      h('summary', null, nameOf(input) + ' (' + input.code + ')'), lineageNode(input, segment))));
  }
  return box;
}

export { ApiError };
