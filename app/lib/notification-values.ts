// The values a notification's template is filled with, shared by the outbox (rendered on the server in the
// receiver's language) and the notifications page (rendered in the reader's language).
import { formatMoney } from './format';
import type { Locale } from './i18n';

export type NotificationParams = Record<string, string | number>;

/**
 * The values a template is filled with, in the reader's language: the amount formatted, a reason code translated,
 * and the package's or business's name in that language when the params carry several.
 */
export function templateValues(params: NotificationParams, locale: Locale, t: (key: string, options?: Record<string, unknown>) => string) {
  const named = (base: string) => {
    const zh = locale === 'zh-CN' ? (params[`${base}ZhCn`] ?? params[`${base}ZhHk`]) : params[`${base}ZhHk`];
    return String((locale === 'en' ? params[`${base}En`] : zh || params[`${base}En`]) ?? '');
  };
  return {
    ...params,
    amount: formatMoney(Number(params.programmeCents ?? params.amountCents ?? 0)),
    reason: params.reasonCode ? t(`applications:reasons.${params.reasonCode}`, { defaultValue: String(params.reasonCode) }) : '',
    note: params.note ?? '',
    package: named('package'),
    shop: named('shop'),
  };
}
