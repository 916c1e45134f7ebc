// Server side of i18n: the translations and the visitor's language (user's choice, cookie, Accept-Language).
import type { Resource } from 'i18next';
import { RemixI18Next } from 'remix-i18next/server';
import enAuth from '../../locales/en/auth.json';
import enCatalogue from '../../locales/en/catalogue.json';
import enCommon from '../../locales/en/common.json';
import enErrors from '../../locales/en/errors.json';
import cnAuth from '../../locales/zh-CN/auth.json';
import cnCatalogue from '../../locales/zh-CN/catalogue.json';
import cnCommon from '../../locales/zh-CN/common.json';
import cnErrors from '../../locales/zh-CN/errors.json';
import hkAuth from '../../locales/zh-HK/auth.json';
import hkCatalogue from '../../locales/zh-HK/catalogue.json';
import hkCommon from '../../locales/zh-HK/common.json';
import hkErrors from '../../locales/zh-HK/errors.json';
import enBusiness from '../../locales/en/business.json';
import enEligibility from '../../locales/en/eligibility.json';
import enEnquiries from '../../locales/en/enquiries.json';
import enApplications from '../../locales/en/applications.json';
import hkBusiness from '../../locales/zh-HK/business.json';
import hkEligibility from '../../locales/zh-HK/eligibility.json';
import hkEnquiries from '../../locales/zh-HK/enquiries.json';
import hkApplications from '../../locales/zh-HK/applications.json';
import cnBusiness from '../../locales/zh-CN/business.json';
import cnEligibility from '../../locales/zh-CN/eligibility.json';
import cnEnquiries from '../../locales/zh-CN/enquiries.json';
import cnApplications from '../../locales/zh-CN/applications.json';
import { languageCookie } from './cookies.server';
import { createI18n, defaultLocale, isLocale, locales, type Locale } from './i18n';

export const resources = {
  en: { common: enCommon, auth: enAuth, catalogue: enCatalogue, errors: enErrors, business: enBusiness, eligibility: enEligibility, enquiries: enEnquiries, applications: enApplications },
  'zh-HK': { common: hkCommon, auth: hkAuth, catalogue: hkCatalogue, errors: hkErrors, business: hkBusiness, eligibility: hkEligibility, enquiries: hkEnquiries, applications: hkApplications },
  'zh-CN': { common: cnCommon, auth: cnAuth, catalogue: cnCatalogue, errors: cnErrors, business: cnBusiness, eligibility: cnEligibility, enquiries: cnEnquiries, applications: cnApplications },
} satisfies Record<Locale, Resource[string]>;

const detector = new RemixI18Next({
  detection: { supportedLanguages: [...locales], fallbackLanguage: defaultLocale, cookie: languageCookie, order: ['cookie', 'header'] },
});

/** The logged-in user's saved choice wins; then the language cookie; then Accept-Language. */
export async function detectLocale(request: Request, userLocale?: string): Promise<Locale> {
  if (isLocale(userLocale)) return userLocale;
  const found = await detector.getLocale(request);
  if (isLocale(found)) return found;
  // Accept-Language often says zh-TW or zh-Hant for Traditional, zh or zh-Hans for Simplified.
  const header = request.headers.get('Accept-Language')?.toLowerCase() ?? '';
  if (/zh-(hk|tw|mo|hant)/.test(header)) return 'zh-HK';
  if (/zh/.test(header)) return 'zh-CN';
  return defaultLocale;
}

export function resourcesFor(locale: Locale): Resource {
  return { [locale]: resources[locale] };
}

/** A server-side translate function, e.g. for page titles and outgoing messages. */
export function serverT(locale: Locale) {
  return createI18n(locale, resourcesFor(locale)).t;
}
