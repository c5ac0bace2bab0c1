// Figures as the office writes them, computed on decimal digits (never binary floating point rounding):
// CNY in 亿元 with 2 decimals; persons and households in 万人/万户 with 2 decimals from 10,000 up, whole below;
// counts whole; percentages (and TIMES) with 2 decimals; half-up as the API rounds.
import { lang } from './i18n.js';

/** A JSON number as an exact decimal: sign, digits and scale (value = digits / 10^scale). */
function decimal(n) {
  const abs = Math.abs(n);
  let text = String(abs);
  if (/e/i.test(text)) text = abs.toFixed(12);
  const [whole, fraction = ''] = text.split('.');
  return { negative: n < 0, digits: BigInt(whole + fraction), scale: fraction.length };
}

/** n / 10^shift, rounded half-up (away from zero) to places decimals, as text. */
export function fixed(n, shift, places) {
  const d = decimal(n);
  let digits = d.digits;
  const drop = d.scale + shift - places;
  if (drop > 0) {
    const step = 10n ** BigInt(drop);
    digits = (digits + step / 2n) / step;
  } else if (drop < 0) {
    digits = digits * 10n ** BigInt(-drop);
  }
  let text = digits.toString();
  if (places > 0) {
    text = text.padStart(places + 1, '0');
    text = text.slice(0, -places) + '.' + text.slice(-places);
  }
  return (d.negative && digits !== 0n ? '-' : '') + text;
}

/** True when |a − b| > rounding / 2, exactly (reporting.yaml's rule for a published figure; bulletin.PublishedFigure.differsFrom in Java). */
export function differs(computed, published, rounding) {
  if (computed === null || computed === undefined || published === null || published === undefined) return false;
  const [a, b, r] = [decimal(computed), decimal(published), decimal(rounding || 0)];
  const scale = Math.max(a.scale, b.scale, r.scale);
  const at = (x) => (x.negative ? -1n : 1n) * x.digits * 10n ** BigInt(scale - x.scale);
  let diff = at(a) - at(b);
  if (diff < 0n) diff = -diff;
  return diff * 2n > at(r);
}

const SUFFIX = {
  CNY: ['亿元', ' × 100M CNY'],
  WAN_PERSON: ['万人', ' × 10k persons'],
  PERSON: ['人', ' persons'],
  WAN_HOUSEHOLD: ['万户', ' × 10k households'],
  HOUSEHOLD: ['户', ' households'],
  TIMES: ['倍', '×'],
  PP: ['个百分点', ' pp'],
};

function suffix(key) {
  return SUFFIX[key][lang() === 'en' ? 1 : 0];
}

/** A figure in its unit (the indicator's value, its year-start or previous-year value, a target, a change of it). */
export function amount(n, unit, signed = false) {
  if (n === null || n === undefined) return '—';
  const sign = signed && n > 0 ? '+' : '';
  switch (unit) {
    case 'CNY': return sign + fixed(n, 8, 2) + suffix('CNY');
    case 'PERCENT': return sign + fixed(n, 0, 2) + '%';
    case 'PERSON':
    case 'HOUSEHOLD':
      return Math.abs(n) >= 10000 ? sign + fixed(n, 4, 2) + suffix('WAN_' + unit) : sign + fixed(n, 0, 0) + suffix(unit);
    case 'COUNT': return sign + fixed(n, 0, 0);
    case 'TIMES': return sign + fixed(n, 0, 2) + suffix('TIMES');
    default: return sign + String(n);
  }
}

/** A change of an indicator: percentage points for a PERCENT indicator, its own unit otherwise. */
export function change(n, unit) {
  if (n === null || n === undefined) return '—';
  if (unit === 'PERCENT') return (n > 0 ? '+' : '') + fixed(n, 0, 2) + suffix('PP');
  return amount(n, unit, true);
}

/** A percentage (growth, progress) with 2 decimals. */
export function pct(n, signed = false) {
  if (n === null || n === undefined) return '—';
  return (signed && n > 0 ? '+' : '') + fixed(n, 0, 2) + '%';
}

/** One member of an Indicator (value, yearStartValue, growthSinceYearStartPct, …) in the office's form. */
export function member(field, n, unit) {
  switch (field) {
    case 'growthSinceYearStartPct':
    case 'yoyPct':
      return pct(n, true);
    case 'targetProgressPct':
      return pct(n);
    case 'changeSinceYearStart':
    case 'yoyChange':
      return change(n, unit);
    default:
      return amount(n, unit);
  }
}

/** The scale a chart of a unit uses: the divisor of the API's figures and the axis name. */
export function chartScale(unit, max) {
  const en = lang() === 'en';
  switch (unit) {
    case 'CNY': return { shift: 8, places: 2, name: en ? '100M CNY' : '亿元' };
    case 'PERSON': return max >= 10000 ? { shift: 4, places: 2, name: en ? '10k persons' : '万人' } : { shift: 0, places: 0, name: en ? 'persons' : '人' };
    case 'HOUSEHOLD': return max >= 10000 ? { shift: 4, places: 2, name: en ? '10k households' : '万户' } : { shift: 0, places: 0, name: en ? 'households' : '户' };
    case 'PERCENT': return { shift: 0, places: 2, name: '%' };
    case 'TIMES': return { shift: 0, places: 2, name: en ? 'times' : '倍' };
    default: return { shift: 0, places: 0, name: '' };
  }
}

/** A figure on a chart's scale, as a number (null stays null: a gap). */
export function onScale(n, scale) {
  return n === null || n === undefined ? null : Number(fixed(n, scale.shift, scale.places));
}

/** A time stamp in the reader's local form. */
export function time(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : d.toLocaleString(lang() === 'en' ? 'en-GB' : 'zh-CN', { hour12: false });
}
