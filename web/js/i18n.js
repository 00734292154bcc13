/**
 * The page's language. Every UI text lives in i18n/zh.js and i18n/en.js under the same keys;
 * static markup names its key in data-i18n (text), data-i18n-title, data-i18n-placeholder or
 * data-i18n-aria-label, and modules that render data re-render when the language changes.
 * Chinese is the default; a missing English text falls back to the Chinese one.
 */
import zh from './i18n/zh.js';
import en from './i18n/en.js';

const MESSAGES = { zh, en };
const LANGUAGES = Object.keys(MESSAGES);

let current = 'zh';
const listeners = [];

export function lang() {
  return current;
}

/** Switches the language, updates the static texts and tells every listener. */
export function setLang(next) {
  current = LANGUAGES.includes(next) ? next : 'zh';
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
  localStorage.setItem('plan.lang', current);
  apply(document);
  listeners.forEach((listener) => listener(current));
}

export function onLangChange(listener) {
  listeners.push(listener);
}

/**
 * The text for key in the current language, with {name} placeholders filled from vars. A text
 * that depends on a number ("1 feature", "2 features") is given as { one, other, … } by the
 * language's plural rules, chosen by vars.count; a numeric count is shown formatted (12,000).
 */
export function t(key, vars = {}) {
  let text = MESSAGES[current][key] ?? MESSAGES.zh[key] ?? key;
  if (typeof text === 'object') {
    text = text[new Intl.PluralRules(current === 'zh' ? 'zh-CN' : 'en').select(vars.count)] ?? text.other;
  }
  if (typeof vars.count === 'number') {
    vars = { ...vars, count: formatNumber(vars.count, 0) };
  }
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in vars ? String(vars[name]) : match));
}

/**
 * The label of a value of one of the data's vocabularies (status.planned, programme.科技创新, …);
 * a value the messages do not know is shown as it is.
 */
export function term(vocabulary, value) {
  const key = `${vocabulary}.${value}`;
  return MESSAGES[current][key] ?? MESSAGES.zh[key] ?? String(value);
}

/** The current language's variant of a bilingual field of the API: local(city) → city.name_zh or name_en. */
export function local(object, field = 'name') {
  if (!object) {
    return '';
  }
  return object[`${field}_${current}`] ?? object[`${field}_zh`] ?? object[field] ?? '';
}

function apply(root) {
  root.querySelectorAll('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n);
  });
  for (const attribute of ['title', 'placeholder', 'aria-label']) {
    const data = `data-i18n-${attribute}`;
    root.querySelectorAll(`[${data}]`).forEach((el) => el.setAttribute(attribute, t(el.getAttribute(data))));
  }
}

export function formatNumber(value, maximumFractionDigits = 1) {
  if (value == null || Number.isNaN(value)) {
    return '–';
  }
  return new Intl.NumberFormat(current === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits }).format(value);
}

/** Investment is stored in 亿元 (100 million yuan); English readers get billions of yuan. */
export function formatInvestment(hundredMillions) {
  if (hundredMillions == null) {
    return '–';
  }
  return current === 'zh'
    ? t('unit.investment', { value: formatNumber(hundredMillions, 1) })
    : t('unit.investment', { value: formatNumber(hundredMillions / 10, 2) });
}

/** The message of an error in the current language: problem documents carry both. */
export function errorText(error) {
  if (error?.messageZh || error?.messageEn) {
    return current === 'zh' ? error.messageZh ?? error.messageEn : error.messageEn ?? error.messageZh;
  }
  if (error?.status) {
    return t('error.status', { status: error.status });
  }
  // fetch rejects with a TypeError when the service cannot be reached
  return t(error instanceof TypeError ? 'error.network' : 'error.unexpected');
}
