// Formatting at the edge: money as HK$12,345.00, dates in Hong Kong time, in the reader's language.
import { intlLocale, type Locale } from './i18n';

const money = new Intl.NumberFormat('en-HK', { style: 'currency', currency: 'HKD' });

export function formatMoney(cents: number): string {
  // Whole cents only; dividing by 100 for display is the single place floats meet money.
  return money.format(cents / 100);
}

export function formatDate(value: Date | string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { timeZone: 'Asia/Hong_Kong', dateStyle: 'medium' }).format(
    new Date(value),
  );
}

export function formatDateTime(value: Date | string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: 'Asia/Hong_Kong',
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(value));
}
