// Formatting at the edge: money as HK$12,345.00, dates in Hong Kong time, in the reader's language.
// Numbers are formatted by our own code, not Intl: Node's ICU and the browser's round compact and fractional numbers
// differently ("HK$0.0" against "HK$0"), and a page rendered on the server must hydrate to the same text.
import { intlLocale, type Locale } from './i18n';

/** 1234567 → "1,234,567" (Hong Kong and the mainland group by thousands with a comma, as English does). */
function groupDigits(whole: bigint): string {
  return whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A non-negative count of `unit`ths as text with at most `digits` decimals, trailing zeros dropped. */
function decimal(scaled: bigint, digits: number, { keepZeros = false } = {}): string {
  const base = 10n ** BigInt(digits);
  const whole = scaled / base;
  let fraction = digits > 0 ? (scaled % base).toString().padStart(digits, '0') : '';
  if (!keepZeros) fraction = fraction.replace(/0+$/, '');
  return fraction ? `${groupDigits(whole)}.${fraction}` : groupDigits(whole);
}

/** Rounds n / d half away from zero for non-negative bigints. */
function roundDiv(n: bigint, d: bigint): bigint {
  return (n * 2n + d) / (2n * d);
}

/** Whole cents as BigInt; a stray fraction of a cent (an average, say) is rounded, never a crash. */
function toBigCents(cents: number | bigint): bigint {
  return typeof cents === 'bigint' ? cents : BigInt(Math.round(Number(cents)));
}

export function formatMoney(cents: number | bigint): string {
  const value = toBigCents(cents);
  const sign = value < 0n ? '-' : '';
  return `${sign}HK$${decimal(value < 0n ? -value : value, 2, { keepZeros: true })}`;
}

const compactUnits: Record<Locale, { size: bigint; suffix: string }[]> = {
  en: [
    { size: 1_000_000_000n, suffix: 'B' },
    { size: 1_000_000n, suffix: 'M' },
    { size: 1_000n, suffix: 'K' },
  ],
  'zh-HK': [
    { size: 100_000_000n, suffix: '億' },
    { size: 10_000n, suffix: '萬' },
  ],
  'zh-CN': [
    { size: 100_000_000n, suffix: '亿' },
    { size: 10_000n, suffix: '万' },
  ],
};

/** Axis labels for money in cents, to one decimal at most: "HK$100M", "HK$2.5K", "HK$1億", "HK$0". */
export function compactMoney(cents: number | bigint, locale: Locale): string {
  const value = toBigCents(cents);
  const sign = value < 0n ? '-' : '';
  const dollarTenths = roundDiv(value < 0n ? -value : value, 10n);
  const scales = [{ size: 1n, suffix: '' }, ...[...compactUnits[locale]].reverse()];
  // The largest unit the amount reaches; then the next one up if rounding reaches that (999,960 → "HK$1M").
  let index = 0;
  while (index + 1 < scales.length && dollarTenths >= scales[index + 1]!.size * 10n) index += 1;
  const shownTenths = (i: number) => (i === 0 ? roundDiv(dollarTenths, 10n) * 10n : roundDiv(dollarTenths, scales[i]!.size));
  if (index + 1 < scales.length && shownTenths(index) >= (scales[index + 1]!.size / scales[index]!.size) * 10n) index += 1;
  return `${sign}HK$${decimal(shownTenths(index), 1)}${scales[index]!.suffix}`;
}

/** A share given in tenths of a percent (125 → "12.5%"). */
export function formatPermille(permille: number): string {
  const sign = permille < 0 ? '-' : '';
  return `${sign}${decimal(BigInt(Math.round(Math.abs(permille))), 1)}%`;
}

/** A change in basis points as a signed percentage, to one decimal at most (1250 → "+12.5%", 0 → "0%"). */
export function formatSignedPercentFromBps(bps: number): string {
  const permille = Math.round(bps / 10);
  const sign = permille > 0 ? '+' : permille < 0 ? '-' : '';
  return `${sign}${decimal(BigInt(Math.abs(permille)), 1)}%`;
}

/** Counts and days as the reader writes numbers, to one decimal at most (1,234; 3.5). */
export function formatNumber(value: number): string {
  const sign = value < 0 ? '-' : '';
  return `${sign}${decimal(BigInt(Math.round(Math.abs(value) * 10)), 1)}`;
}

// One formatter per language and style: building an Intl.DateTimeFormat costs far more than formatting with it (it was
// built for every date of every table row).
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: Locale, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withTime ? 't' : 'd'}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), {
      timeZone: 'Asia/Hong_Kong',
      dateStyle: 'medium',
      ...(withTime ? { timeStyle: 'short' as const } : {}),
    });
    dateFormats.set(key, format);
  }
  return format;
}

export function formatDate(value: Date | string, locale: Locale): string {
  return dateFormat(locale, false).format(new Date(value));
}

export function formatDateTime(value: Date | string, locale: Locale): string {
  return dateFormat(locale, true).format(new Date(value));
}
