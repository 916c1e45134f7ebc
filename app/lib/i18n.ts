// i18next set-up shared by server and browser: languages, namespaces and a per-render instance.
import i18next, { type i18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';

import { locales, type Locale } from '../domain/programme';

export { locales, type Locale };
export const defaultLocale: Locale = 'en';
export const namespaces = ['common', 'auth', 'catalogue', 'errors', 'business', 'eligibility', 'enquiries', 'applications', 'notifications', 'officer', 'vendor', 'vetting', 'dashboard', 'risk', 'claims', 'match'] as const;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** A fresh instance for one language with its resources already loaded (synchronous init). */
export function createI18n(locale: Locale, resources: Resource): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: locale,
    fallbackLng: defaultLocale,
    supportedLngs: [...locales],
    ns: [...namespaces],
    defaultNS: 'common',
    resources,
    initImmediate: false,
    interpolation: { escapeValue: false },
    // In the browser a missing text is a bug (an untranslated key on screen, or a namespace not sent for the role):
    // say so loudly, so that the browser tests, which fail on console errors, catch it.
    saveMissing: typeof document !== 'undefined',
    missingKeyHandler: (_lngs, ns, key) => console.error(`[i18n] missing text ${ns}:${key} (${locale})`),
    react: { useSuspense: false },
  });
  return instance;
}

/** BCP 47 tag for Intl. */
export function intlLocale(locale: Locale): string {
  return locale === 'en' ? 'en-HK' : locale;
}

/** Picks the reader's language from a text stored in all three. */
export function pickText(text: { en: string; zhHK: string; zhCN: string }, locale: Locale): string {
  return locale === 'zh-HK' ? text.zhHK : locale === 'zh-CN' ? text.zhCN : text.en;
}
