// Server side of i18n: the translations and the visitor's language (user's choice, cookie, Accept-Language).
import type { Resource } from 'i18next';
import { RemixI18Next } from 'remix-i18next/server';
import en_common from '../../locales/en/common.json';
import en_auth from '../../locales/en/auth.json';
import en_catalogue from '../../locales/en/catalogue.json';
import en_errors from '../../locales/en/errors.json';
import en_business from '../../locales/en/business.json';
import en_eligibility from '../../locales/en/eligibility.json';
import en_enquiries from '../../locales/en/enquiries.json';
import en_applications from '../../locales/en/applications.json';
import en_notifications from '../../locales/en/notifications.json';
import en_officer from '../../locales/en/officer.json';
import en_vendor from '../../locales/en/vendor.json';
import en_vetting from '../../locales/en/vetting.json';
import en_dashboard from '../../locales/en/dashboard.json';
import en_risk from '../../locales/en/risk.json';
import en_claims from '../../locales/en/claims.json';
import en_match from '../../locales/en/match.json';
import hk_common from '../../locales/zh-HK/common.json';
import hk_auth from '../../locales/zh-HK/auth.json';
import hk_catalogue from '../../locales/zh-HK/catalogue.json';
import hk_errors from '../../locales/zh-HK/errors.json';
import hk_business from '../../locales/zh-HK/business.json';
import hk_eligibility from '../../locales/zh-HK/eligibility.json';
import hk_enquiries from '../../locales/zh-HK/enquiries.json';
import hk_applications from '../../locales/zh-HK/applications.json';
import hk_notifications from '../../locales/zh-HK/notifications.json';
import hk_officer from '../../locales/zh-HK/officer.json';
import hk_vendor from '../../locales/zh-HK/vendor.json';
import hk_vetting from '../../locales/zh-HK/vetting.json';
import hk_dashboard from '../../locales/zh-HK/dashboard.json';
import hk_risk from '../../locales/zh-HK/risk.json';
import hk_claims from '../../locales/zh-HK/claims.json';
import hk_match from '../../locales/zh-HK/match.json';
import cn_common from '../../locales/zh-CN/common.json';
import cn_auth from '../../locales/zh-CN/auth.json';
import cn_catalogue from '../../locales/zh-CN/catalogue.json';
import cn_errors from '../../locales/zh-CN/errors.json';
import cn_business from '../../locales/zh-CN/business.json';
import cn_eligibility from '../../locales/zh-CN/eligibility.json';
import cn_enquiries from '../../locales/zh-CN/enquiries.json';
import cn_applications from '../../locales/zh-CN/applications.json';
import cn_notifications from '../../locales/zh-CN/notifications.json';
import cn_officer from '../../locales/zh-CN/officer.json';
import cn_vendor from '../../locales/zh-CN/vendor.json';
import cn_vetting from '../../locales/zh-CN/vetting.json';
import cn_dashboard from '../../locales/zh-CN/dashboard.json';
import cn_risk from '../../locales/zh-CN/risk.json';
import cn_claims from '../../locales/zh-CN/claims.json';
import cn_match from '../../locales/zh-CN/match.json';
import { languageCookie } from './cookies.server';
import type { Role } from '../../db/schema';
import { createI18n, defaultLocale, isLocale, locales, type Locale } from './i18n';

export const resources = {
  en: { common: en_common, auth: en_auth, catalogue: en_catalogue, errors: en_errors, business: en_business, eligibility: en_eligibility, enquiries: en_enquiries, applications: en_applications, notifications: en_notifications, officer: en_officer, vendor: en_vendor, vetting: en_vetting, dashboard: en_dashboard, risk: en_risk, claims: en_claims, match: en_match },
  'zh-HK': { common: hk_common, auth: hk_auth, catalogue: hk_catalogue, errors: hk_errors, business: hk_business, eligibility: hk_eligibility, enquiries: hk_enquiries, applications: hk_applications, notifications: hk_notifications, officer: hk_officer, vendor: hk_vendor, vetting: hk_vetting, dashboard: hk_dashboard, risk: hk_risk, claims: hk_claims, match: hk_match },
  'zh-CN': { common: cn_common, auth: cn_auth, catalogue: cn_catalogue, errors: cn_errors, business: cn_business, eligibility: cn_eligibility, enquiries: cn_enquiries, applications: cn_applications, notifications: cn_notifications, officer: cn_officer, vendor: cn_vendor, vetting: cn_vetting, dashboard: cn_dashboard, risk: cn_risk, claims: cn_claims, match: cn_match },
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

type Namespace = keyof (typeof resources)['en'];

// What each kind of visitor's pages can show: everyone gets the public pages' texts, staff get everything.
// 'match': the questionnaire, the start page and the matcher's reasons shown to owners, vendors and officers.
const publicNamespaces: Namespace[] = ['common', 'auth', 'catalogue', 'errors', 'enquiries', 'business', 'dashboard', 'applications', 'match'];
const roleNamespaces: Record<Role | 'anonymous', Namespace[] | 'all'> = {
  anonymous: publicNamespaces,
  applicant: [...publicNamespaces, 'eligibility', 'applications', 'notifications', 'claims'],
  vendor: [...publicNamespaces, 'vendor', 'applications', 'notifications', 'claims'],
  officer: 'all',
  admin: 'all',
};

/** The reader's translations, only the namespaces their role's pages use (the document carries them to the browser). */
export function resourcesFor(locale: Locale, role?: Role): Resource {
  const wanted = roleNamespaces[role ?? 'anonymous'];
  if (wanted === 'all') return { [locale]: resources[locale] };
  return { [locale]: Object.fromEntries(wanted.map((ns) => [ns, resources[locale][ns]])) };
}

/** A server-side translate function, e.g. for page titles and outgoing messages. */
export function serverT(locale: Locale) {
  return createI18n(locale, resourcesFor(locale, 'admin')).t;
}
