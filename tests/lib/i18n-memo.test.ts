// The server's translations answer repeated lookups from memory (i18n.server): the texts must be exactly i18next's.
import { describe, expect, it, vi } from 'vitest';
import { createI18n, i18nFor, locales } from '../../app/lib/i18n';
import { resources, serverT } from '../../app/lib/i18n.server';

describe('lookups from memory on the server', () => {
  const calls: [string, Record<string, unknown>?][] = [
    ['common:nav.catalogue'],
    ['catalogue:title'],
    ['catalogue:title', { ns: 'catalogue' }],
    ['common:categories.e_payment_pos'],
    ['catalogue:resultCount', { count: 1 }],
    ['catalogue:resultCount', { count: 2 }],
    ['catalogue:resultCount', { count: 0 }],
    ['common:nav.unread', { count: 3 }],
    ['common:nav.signedInAs', { name: 'Chan Tai Man' }],
    ['catalogue:priceOneOff', { price: 'HK$1,000.00' }],
    ['catalogue:priceMonthly', { price: 'HK$100.00', months: 12, total: 'HK$1,200.00' }],
    ['common:no.such.key'],
  ];

  it('gives the same text as a fresh i18next instance, the first time and from memory, in every language', () => {
    for (const locale of locales) {
      const fresh = createI18n(locale, { [locale]: resources[locale] });
      const t = serverT(locale) as unknown as (key: string, options?: Record<string, unknown>) => unknown;
      for (const [key, options] of calls) {
        const expected = fresh.t(key, options);
        expect(t(key, options), `${locale} ${key}`).toBe(expected);
        expect(t(key, options), `${locale} ${key} again`).toBe(expected);
      }
    }
  });

  it('keeps values apart however they are written: no value reads as another call', () => {
    const t = serverT('en') as unknown as (key: string, options?: Record<string, unknown>) => string;
    const plain = t('common:nav.signedInAs', { name: 'x' });
    const crafted = t('common:nav.signedInAs', { name: 'x1:ns1:x', count: undefined });
    expect(plain).toContain('x');
    expect(crafted).toContain('x1:ns1:x');
    expect(t('common:nav.signedInAs', { name: 'x' })).toBe(plain);
    expect(t('common:nav.unread', { count: 1 })).not.toBe(t('common:nav.unread', { count: 2 }));
    // Options that are not plain values (objects) go to i18next every time, and still translate.
    expect(t('common:nav.signedInAs', { name: 'y', replace: { name: 'y' } })).toContain('y');
  });
});

describe('lookups made while rendering (react-i18next)', () => {
  it("answers a component's `t` from memory: getFixedT(null, ns) passes lngs: null on every call", () => {
    const instance = i18nFor('en');
    // What useTranslation() hands a component: getFixedT(props.lng || null, namespace).
    const t = instance.getFixedT(null, 'common') as unknown as (key: string, options?: Record<string, unknown>) => string;
    const translator = (instance as unknown as { translator: { translate: (...args: unknown[]) => unknown } }).translator;
    const spy = vi.spyOn(translator, 'translate');
    try {
      const first = t('common:nav.unread', { count: 7 });
      const calls = spy.mock.calls.length;
      expect(t('common:nav.unread', { count: 7 })).toBe(first);
      expect(t('common:nav.unread', { count: 7 })).toBe(first);
      expect(spy.mock.calls.length).toBe(calls); // the repeats did not reach i18next
      const fresh = createI18n('en', { en: resources.en });
      expect(first).toBe(fresh.t('common:nav.unread', { count: 7 }));
      // null is its own value: not read as a missing one, nor as the text "null".
      expect(t('common:nav.signedInAs', { name: null })).toBe(fresh.t('common:nav.signedInAs', { name: null }));
      expect(t('common:nav.signedInAs', { name: 'null' })).toBe(fresh.t('common:nav.signedInAs', { name: 'null' }));
    } finally {
      spy.mockRestore();
    }
  });
});
