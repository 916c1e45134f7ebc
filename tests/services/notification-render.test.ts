// The outbox message's subject and body, filled in by splitting each text once at its placeholders (ADR 027), are the
// texts i18next gives for every template in every language; anything i18next would treat specially still goes to it.
import { describe, expect, it } from 'vitest';
import { notificationTemplates } from '../../app/domain/notifications';
import { locales } from '../../app/lib/i18n';
import { serverT } from '../../app/lib/i18n.server';
import { templateValues, type NotificationParams } from '../../app/lib/notification-values';
import { noticeMessage, render } from '../../app/services/notifications.server';

// Every value any template reads, with text that would show a wrong or missing substitution.
const params: NotificationParams = {
  reference: 'DTS-2026-000123',
  programmeCents: 1_234_567,
  amountCents: 765_400,
  budget: 'HK$1,000,000.00',
  remaining: 'HK$2,500.00',
  reasonCode: 'incomplete_documents',
  note: 'Please send the invoice again — 多謝',
  packageEn: 'POS Lite',
  packageZhHk: '收銀系統',
  packageZhCn: '收银系统',
  shopEn: 'Sunrise Café',
  shopZhHk: '日出茶餐廳',
  subject: 'Weekly summary',
  year: 2026,
  enquiryId: 12,
  quotationId: 34,
  solutionId: 56,
};

describe('notification texts', () => {
  it.each(
    locales.flatMap((locale) =>
      notificationTemplates.flatMap((template) => [`${template}.subject`, `${template}.body`].map((key) => ({ locale, key }))),
    ),
  )('$locale $key is what i18next renders', ({ locale, key }) => {
    const t = serverT(locale);
    const values = templateValues(params, locale, t);
    expect(render(locale, key, values, t)).toBe(t(`notifications:${key}`, values));
  });

  it('fills every template of every language without i18next (no plural forms, nesting or formats among them)', () => {
    const refuse = (() => {
      throw new Error('went to i18next');
    }) as unknown as ReturnType<typeof serverT>;
    for (const locale of locales) {
      const values = templateValues(params, locale, serverT(locale));
      for (const template of notificationTemplates) {
        expect(render(locale, `${template}.subject`, values, refuse)).not.toContain('{{');
        expect(render(locale, `${template}.body`, values, refuse)).not.toContain('{{');
      }
    }
  });

  it('leaves a value that looks like a placeholder or a nesting to i18next, and a missing value too', () => {
    const t = serverT('en');
    for (const reference of ['{{shop}}', '$t(notifications:application_submitted.subject)']) {
      const values = templateValues({ ...params, reference }, 'en', t);
      expect(render('en', 'application_submitted.body', values, t)).toBe(t('notifications:application_submitted.body', values));
    }
    const withoutReference: Record<string, unknown> = { ...templateValues(params, 'en', t), reference: undefined };
    expect(render('en', 'application_submitted.subject', withoutReference, t)).toBe(
      t('notifications:application_submitted.subject', withoutReference),
    );
  });

  it('puts the values into the outbox message in the recipient’s language', () => {
    const message = JSON.parse(
      noticeMessage({
        userId: 1,
        template: 'application_submitted',
        sourceKey: 'application:1',
        params: { reference: 'DTS-2026-000123', programmeCents: 1_500_000 },
        to: { email: 'owner@example.hk' },
        locale: 'zh-HK',
      }),
    ) as { subject: string; body: string; locale: string };
    expect(message.locale).toBe('zh-HK');
    expect(message.subject).toContain('DTS-2026-000123');
    expect(message.body).toContain('HK$15,000.00');
    expect(message.body).not.toContain('{{');
  });
});
