// The office page: the shell (key, language, period, navigation) and a router over hash routes (#overview,
// #lineage?service=…&code=…&period=…&region=…).
import { apiKey, setApiKey, forgetApiKey, onUnauthorized, ApiError, loadRegions } from './api.js';
import { setRegions } from './model.js';
import { h } from './dom.js';
import { t, lang, setLang } from './i18n.js';
import * as views from './views.js';

const PERIOD_KEY = 'cityfin.period';
const DEFAULT_PERIOD = '2022-09';
const ROUTES = ['overview', 'trends', 'counties', 'completeness', 'review', 'corrections', 'bulletin', 'lineage'];

const view = document.getElementById('view');
const keyPanel = document.getElementById('key-panel');
const keyForm = document.getElementById('key-form');
const keyInput = document.getElementById('key-input');
const yearSelect = document.getElementById('period-year');
const monthSelect = document.getElementById('period-month');
let rendering = 0;

function period() {
  const kept = sessionStorage.getItem(PERIOD_KEY);
  return kept && /^\d{4}-\d{2}$/.test(kept) ? kept : DEFAULT_PERIOD;
}

function route() {
  const hash = location.hash.replace(/^#/, '');
  const [name, query] = hash.split('?');
  return { name: ROUTES.includes(name) ? name : 'overview', params: new URLSearchParams(query || '') };
}

function setText(id, key) {
  document.getElementById(id).textContent = t(key);
}

function renderShell() {
  document.documentElement.lang = lang() === 'en' ? 'en' : 'zh-CN';
  document.title = t('brand');
  setText('brand', 'brand');
  setText('period-label', 'period');
  setText('lang-toggle', 'switchLang');
  setText('key-forget', 'forgetKey');
  setText('key-title', 'keyTitle');
  setText('key-note', 'keyNote');
  setText('key-submit', 'keySubmit');
  const nav = document.getElementById('nav');
  nav.replaceChildren(...ROUTES.map((name) => h('a', { href: '#' + name, id: 'nav-' + name,
    class: route().name === name ? 'active' : null }, t(name))));
  const [year, month] = period().split('-');
  const thisYear = new Date().getFullYear();
  yearSelect.replaceChildren();
  for (let y = thisYear; y >= 2015; y--) yearSelect.appendChild(h('option', { value: y, selected: String(y) === year }, String(y)));
  monthSelect.replaceChildren();
  for (let m = 1; m <= 12; m++) {
    const value = String(m).padStart(2, '0');
    monthSelect.appendChild(h('option', { value, selected: value === month }, lang() === 'en' ? value : m + '月'));
  }
}

function askForKey(reason) {
  document.getElementById('key-message').textContent = reason === 'refused' ? t('keyRefused') : '';
  keyPanel.hidden = false;
  view.hidden = true;
  document.body.dataset.state = 'key';
  keyInput.value = '';
  keyInput.focus();
}

async function render() {
  const ticket = ++rendering;
  views.disposeCharts();
  renderShell();
  if (!apiKey()) {
    askForKey('');
    return;
  }
  keyPanel.hidden = true;
  view.hidden = false;
  const { name, params } = route();
  document.body.dataset.state = 'loading';
  document.body.dataset.view = name;
  // the view renders into the page (so that a chart gets its real size at once), under a loading line
  const loading = h('p', { class: 'loading' }, t('loading'));
  const target = h('div', { class: 'view-body', dataset: { view: name } });
  view.replaceChildren(loading, target);
  try {
    // the regions once per page load (after the key: the call needs one); every view lists or names them
    setRegions(await loadRegions());
    if (ticket !== rendering) return;
    await views[name](target, { period: period(), params, rerender: render });
    if (ticket !== rendering) return;
    loading.remove();
    views.resizeCharts();
    document.body.dataset.state = 'ready';
  } catch (error) {
    if (ticket !== rendering) return;
    if (error instanceof ApiError && error.status === 401) return; // the key panel is showing
    const text = error instanceof ApiError && error.status === 403 ? t('forbidden') : t('failed') + error.message;
    view.replaceChildren(target, h('p', { class: 'error', id: 'view-error', dataset: { status: error.status || 0 } }, text));
    document.body.dataset.state = 'ready';
  }
}

keyForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const key = keyInput.value.trim();
  if (!/^cfk_[A-Za-z0-9_-]{43}$/.test(key)) {
    document.getElementById('key-message').textContent = t('keyMalformed');
    return;
  }
  setApiKey(key);
  keyInput.value = '';
  render();
});

document.getElementById('key-forget').addEventListener('click', () => {
  forgetApiKey();
  render();
});

document.getElementById('lang-toggle').addEventListener('click', () => {
  setLang(lang() === 'en' ? 'zh' : 'en');
  render();
});

function periodChanged() {
  sessionStorage.setItem(PERIOD_KEY, yearSelect.value + '-' + monthSelect.value);
  render();
}
yearSelect.addEventListener('change', periodChanged);
monthSelect.addEventListener('change', periodChanged);

onUnauthorized(askForKey);
window.addEventListener('hashchange', render);
let resizing = null;
window.addEventListener('resize', () => {
  clearTimeout(resizing);
  resizing = setTimeout(views.resizeCharts, 100);
});

if (window.echarts) {
  render();
} else {
  window.addEventListener('load', render, { once: true });
}
