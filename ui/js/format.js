// The one place where JavaScript writes a number for the trainee, in the interface's
// language, as the core does (`i18n::format_number`): French groups thousands with a
// narrow no-break space and uses a decimal comma (1 234 567,5); English writes 1,234,567.5.
// Unlike the core, trailing zeros of the decimals are dropped (12,5 rather than 12,50).
// Every other module calls `formatNumber`; none formats a number itself.

const NNBSP = '\u202F';

// The interface's language, as i18n.js's `setCatalog` sets it on the document. Arabic
// writes numbers as French does (1 234,5): the convention in Chad.
function currentLang() {
  return document.documentElement.lang === 'en' ? 'en' : 'fr';
}

// `value` with at most `maxDecimals` decimals (rounded), in `lang` ('fr' or 'en'; by
// default the interface's). Never « -0 »; NaN and infinities as the core writes them.
export function formatNumber(value, { maxDecimals = 3, lang = currentLang() } = {}) {
  const v = Number(value);
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '-∞';
  // From 1e21 on, toFixed writes an exponent; such a number is an integer anyway.
  const abs = Math.abs(v);
  const fixed = abs < 1e21 ? abs.toFixed(maxDecimals) : BigInt(abs).toString();
  let [int, frac = ''] = fixed.split('.');
  frac = frac.replace(/0+$/, '');
  const negative = v < 0 && /[1-9]/.test(int + frac);
  const group = lang === 'en' ? ',' : NNBSP;
  int = int.replace(/\B(?=(\d{3})+$)/g, group);
  return `${negative ? '-' : ''}${int}${frac ? (lang === 'en' ? '.' : ',') + frac : ''}`;
}

// A size in bytes as « 12,5 Ko » / « 3 Mo » (KB, MB in English): one decimal under 10.
export function formatBytes(bytes, { lang = currentLang() } = {}) {
  const kb = bytes / 1024;
  const n = kb < 1024 ? kb : kb / 1024;
  const unit = kb < 1024 ? (lang === 'en' ? 'KB' : 'Ko') : (lang === 'en' ? 'MB' : 'Mo');
  return `${formatNumber(n, { maxDecimals: n < 10 ? 1 : 0, lang })} ${unit}`;
}
