// i18next set-up shared by server and browser: languages, namespaces and a per-render instance.
import i18next, { type i18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';

import { locales, type Locale } from '../domain/programme';

export { locales, type Locale };
export const defaultLocale: Locale = 'en';
export const namespaces = [
  'common',
  'auth',
  'catalogue',
  'errors',
  'business',
  'eligibility',
  'enquiries',
  'applications',
  'notifications',
  'officer',
  'vendor',
  'vetting',
  'dashboard',
  'risk',
  'claims',
  'match',
] as const;

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

// One instance per language, reused by every render and request (i18next keeps its caches; no set-up per request).
// The server fills them with every namespace at start (i18n.server); the browser adds namespaces as they arrive.
const shared = new Map<Locale, i18n>();

/** The one instance of a language. Its language never changes (nothing calls changeLanguage on it). */
export function i18nFor(locale: Locale): i18n {
  let instance = shared.get(locale);
  if (!instance) {
    instance = createI18n(locale, { [locale]: {} });
    shared.set(locale, instance);
  }
  return instance;
}

/** Adds namespaces to a language's shared instance (those it already has are kept). */
export function addTranslations(locale: Locale, bundles: Record<string, unknown>): void {
  const instance = i18nFor(locale);
  for (const [ns, bundle] of Object.entries(bundles)) {
    if (!instance.hasResourceBundle(locale, ns)) instance.addResourceBundle(locale, ns, bundle, true, true);
  }
}

/** Each namespace's content hash: the browser fetches /locales/<lng>/<ns>.<hash>.json, cacheable for good. */
export type TranslationManifest = Record<string, string>;

export function translationUrl(locale: Locale, ns: string, hash: string): string {
  return `/locales/${locale}/${ns}.${hash}.json`;
}

const loading = new Map<string, Promise<void>>();

/** Browser: fetches the namespaces of a manifest not loaded yet (once per visit; the HTTP cache keeps them after). */
export function loadTranslations(locale: Locale, manifest: TranslationManifest): Promise<void> {
  const instance = i18nFor(locale);
  return Promise.all(
    Object.entries(manifest).map(([ns, hash]) => {
      if (instance.hasResourceBundle(locale, ns)) return undefined;
      const url = translationUrl(locale, ns, hash);
      let pending = loading.get(url);
      if (!pending) {
        pending = fetch(url)
          .then((response) => {
            if (!response.ok) throw new Error(`${url}: ${response.status}`);
            return response.json() as Promise<unknown>;
          })
          .then((bundle) => addTranslations(locale, { [ns]: bundle }))
          .catch((error: unknown) => {
            loading.delete(url); // try again on the next navigation
            throw error;
          });
        loading.set(url, pending);
      }
      return pending;
    }),
  ).then(() => undefined);
}

/** BCP 47 tag for Intl. */
export function intlLocale(locale: Locale): string {
  return locale === 'en' ? 'en-HK' : locale;
}

/** Picks the reader's language from a text stored in all three. */
export function pickText(text: { en: string; zhHK: string; zhCN: string }, locale: Locale): string {
  return locale === 'zh-HK' ? text.zhHK : locale === 'zh-CN' ? text.zhCN : text.en;
}

// Chinese text takes no space next to its full-width punctuation ("報價：HK$100", "通知（1 則新）"); English does.
const FULL_WIDTH_EDGE = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]$/;
const FULL_WIDTH_START = /^[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]/;

/** A label followed by what it introduces (a link, an amount): a space after it unless it ends in full-width punctuation. */
export function withGap(text: string): string {
  return FULL_WIDTH_EDGE.test(text) ? text : `${text} `;
}

/** The space before a text that follows another, unless the text starts with full-width punctuation. */
export function gapBefore(text: string): string {
  return FULL_WIDTH_START.test(text) ? text : ` ${text}`;
}

/** A remark in brackets after a text: " (…)" in English, "（…）" in Chinese. */
export function bracketed(text: string, locale: Locale): string {
  return locale === 'en' ? ` (${text})` : `（${text}）`;
}

/**
 * A business's two names in the reader's order: the Chinese name first on Chinese pages, the English first on English
 * ones; a name missing or the same as the other is left out.
 */
export function businessNames(names: { en: string; zh: string | null | undefined }, locale: Locale): [string, ...string[]] {
  const en = names.en.trim();
  const zh = names.zh?.trim() ?? '';
  if (!zh || zh === en) return [en];
  if (!en) return [zh];
  return locale === 'en' ? [en, zh] : [zh, en];
}

/** The business's name to show in one place: the reader's language's name (the Chinese name on Chinese pages). */
export function businessName(names: { en: string; zh: string | null | undefined }, locale: Locale): string {
  return businessNames(names, locale)[0];
}
