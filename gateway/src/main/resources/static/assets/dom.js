// Building the page's elements: every text from data becomes a text node, attributes are set one by one (never a
// style or event attribute: the CSP allows neither). Only the bulletin's HTML is parsed, inertly, and rebuilt.
export function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'dataset') {
      Object.entries(value).forEach(([k, v]) => { element.dataset[k] = String(v); });
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else if (child instanceof Node) element.appendChild(child);
    else element.appendChild(document.createTextNode(String(child)));
  }
}

/** A table in a scrolling wrapper (a wide table scrolls itself, never the page). */
export function table(headings, rows, className) {
  return h('div', { class: 'table-wrap' },
    h('table', { class: className || null },
      h('thead', null, h('tr', null, headings.map((text) => h('th', { scope: 'col' }, text)))),
      h('tbody', null, rows)));
}

export function button(text, onClick, attributes) {
  const element = h('button', Object.assign({ type: 'button' }, attributes || {}), text);
  element.addEventListener('click', onClick);
  return element;
}

/**
 * The bulletin's article, imported from its HTML (gateway/README.md, "Office page"): parsed with
 * DOMParser (nothing runs, nothing loads), then rebuilt from an allow-list of elements, with only class and a
 * lineage href kept; every other element is unwrapped (script, style and the like dropped whole).
 */
const ALLOWED = new Set(['article', 'section', 'div', 'p', 'h1', 'h2', 'h3', 'ul', 'ol', 'li', 'table', 'thead',
  'tbody', 'tr', 'th', 'td', 'span', 'strong', 'em', 'small', 'a']);
const DROPPED = new Set(['script', 'style', 'link', 'meta', 'iframe', 'object', 'embed', 'template', 'svg', 'math',
  'img', 'form', 'input', 'button', 'textarea', 'select', 'noscript', 'base', 'frame', 'frameset', 'video', 'audio']);

export function importBulletin(html) {
  // Only the article is parsed: the bulletin's own <style> (in its head) would be a CSP violation even in a
  // DOMParser document, and so would a style attribute; the allow-list below drops both anyway.
  const start = html.indexOf('<article');
  const end = html.lastIndexOf('</article>');
  if (start < 0 || end < start) return null;
  const article = html.slice(start, end + '</article>'.length)
    .replace(/<style[\s\S]*?<\/style\s*>/gi, '')
    .replace(/\sstyle\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '');
  const parsed = new DOMParser().parseFromString('<!DOCTYPE html><html><head></head><body>' + article + '</body></html>', 'text/html');
  const element = parsed.querySelector('article.bulletin');
  return element ? rebuild(element) : null;
}

function rebuild(node) {
  if (node.nodeType === Node.TEXT_NODE) return document.createTextNode(node.nodeValue);
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const tag = node.localName;
  if (DROPPED.has(tag)) return null;
  const children = Array.from(node.childNodes).map(rebuild).filter(Boolean);
  if (!ALLOWED.has(tag)) {
    const fragment = document.createDocumentFragment();
    children.forEach((child) => fragment.appendChild(child));
    return fragment;
  }
  let element;
  if (tag === 'a') {
    const href = node.getAttribute('href') || '';
    element = document.createElement(href.startsWith('/#lineage') ? 'a' : 'span');
    if (href.startsWith('/#lineage')) element.setAttribute('href', href);
  } else {
    element = document.createElement(tag);
  }
  const className = node.getAttribute('class');
  if (className) element.setAttribute('class', className);
  children.forEach((child) => element.appendChild(child));
  return element;
}
