// Server side of i18n: the translations and the visitor's language (user's choice, cookie, Accept-Language).
import crypto from 'node:crypto';
import type { i18n, Resource } from 'i18next';
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
import { addTranslations, defaultLocale, i18nFor, isLocale, locales, type Locale, type TranslationManifest } from './i18n';

export const resources = {
  en: {
    common: en_common,
    auth: en_auth,
    catalogue: en_catalogue,
    errors: en_errors,
    business: en_business,
    eligibility: en_eligibility,
    enquiries: en_enquiries,
    applications: en_applications,
    notifications: en_notifications,
    officer: en_officer,
    vendor: en_vendor,
    vetting: en_vetting,
    dashboard: en_dashboard,
    risk: en_risk,
    claims: en_claims,
    match: en_match,
  },
  'zh-HK': {
    common: hk_common,
    auth: hk_auth,
    catalogue: hk_catalogue,
    errors: hk_errors,
    business: hk_business,
    eligibility: hk_eligibility,
    enquiries: hk_enquiries,
    applications: hk_applications,
    notifications: hk_notifications,
    officer: hk_officer,
    vendor: hk_vendor,
    vetting: hk_vetting,
    dashboard: hk_dashboard,
    risk: hk_risk,
    claims: hk_claims,
    match: hk_match,
  },
  'zh-CN': {
    common: cn_common,
    auth: cn_auth,
    catalogue: cn_catalogue,
    errors: cn_errors,
    business: cn_business,
    eligibility: cn_eligibility,
    enquiries: cn_enquiries,
    applications: cn_applications,
    notifications: cn_notifications,
    officer: cn_officer,
    vendor: cn_vendor,
    vetting: cn_vetting,
    dashboard: cn_dashboard,
    risk: cn_risk,
    claims: cn_claims,
    match: cn_match,
  },
} satisfies Record<Locale, Resource[string]>;

/** The language of a request from its headers: the language cookie, then Accept-Language (by weight). */
export async function localeFromHeaders(cookieHeader: string | null, acceptLanguage: string | null): Promise<Locale> {
  if (cookieHeader?.includes('lng=')) {
    const chosen: unknown = await languageCookie.parse(cookieHeader);
    if (isLocale(chosen)) return chosen;
  }
  return localeFromAcceptLanguage(acceptLanguage);
}

const acceptCache = new Map<string, Locale>();

/** Accept-Language by weight; zh-TW / zh-Hant / zh-MO read as Traditional, zh / zh-Hans as Simplified. */
export function localeFromAcceptLanguage(header: string | null): Locale {
  if (!header) return defaultLocale;
  const known = acceptCache.get(header);
  if (known) return known;
  const ranked = header
    .slice(0, 500)
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  let found: Locale = defaultLocale;
  for (const { tag } of ranked) {
    const match: Locale | undefined =
      tag === 'en' || tag.startsWith('en-')
        ? 'en'
        : /^zh-(hk|tw|mo|hant)/.test(tag)
          ? 'zh-HK'
          : tag === 'zh' || tag.startsWith('zh-')
            ? 'zh-CN'
            : undefined;
    if (match) {
      found = match;
      break;
    }
  }
  if (acceptCache.size < 1000) acceptCache.set(header, found);
  return found;
}

/** The logged-in user's saved choice wins; then the language cookie; then Accept-Language. */
export async function detectLocale(request: Request, userLocale?: string): Promise<Locale> {
  if (isLocale(userLocale)) return userLocale;
  return localeFromHeaders(request.headers.get('Cookie'), request.headers.get('Accept-Language'));
}

type Namespace = keyof (typeof resources)['en'];

// What each kind of visitor's pages can show: everyone gets the public pages' texts, staff get everything.
// 'match': the questionnaire, the start page and the matcher's reasons shown to owners, vendors and officers.
const publicNamespaces: Namespace[] = [
  'common',
  'auth',
  'catalogue',
  'errors',
  'enquiries',
  'business',
  'dashboard',
  'applications',
  'match',
];
const roleNamespaces: Record<Role | 'anonymous', Namespace[] | 'all'> = {
  anonymous: publicNamespaces,
  applicant: [...publicNamespaces, 'eligibility', 'applications', 'notifications', 'claims'],
  vendor: [...publicNamespaces, 'vendor', 'applications', 'notifications', 'claims'],
  officer: 'all',
  admin: 'all',
};

/** The reader's translations, only the namespaces their role's pages use. */
export function resourcesFor(locale: Locale, role?: Role): Resource {
  return { [locale]: Object.fromEntries(namespacesFor(role).map((ns) => [ns, resources[locale][ns]])) };
}

function namespacesFor(role?: Role): Namespace[] {
  const wanted = roleNamespaces[role ?? 'anonymous'];
  return wanted === 'all' ? (Object.keys(resources.en) as Namespace[]) : [...new Set(wanted)];
}

// Every namespace of every language, serialised once with its content hash: the browser fetches
// /locales/<lng>/<ns>.<hash>.json and may keep it for good (a changed text is a new hash, hence a new address).
// Any namespace added to `resources` is served and hashed without further code.
type Bundle = { body: string; hash: string };
const bundles = new Map<string, Bundle>();
for (const locale of locales) {
  for (const [ns, content] of Object.entries(resources[locale])) {
    const body = JSON.stringify(content);
    const hash = crypto.createHash('sha256').update(body).digest('base64url').slice(0, 12);
    bundles.set(`${locale}/${ns}`, { body, hash });
  }
  addTranslations(locale, resources[locale]); // the server's shared instance has everything
  memoiseLookups(i18nFor(locale));
}

/**
 * Lookups answered from memory: on the server each language's texts are complete from the start and never change, so
 * a key with the same values always gives the same text, and pages ask for the same ones on every request (each
 * card's category, sector and price line, the header's links …). i18next resolves each call anew — options copied,
 * namespace and key split, the resource path walked, values interpolated — which was 6–7% of a signed-in page.
 * Only calls whose options are all plain strings, numbers or booleans are kept (the text is then a function of them),
 * at most 20,000, the whole memory dropped when full. The server only: the browser adds namespaces as a visit goes on.
 */
const MEMO_MAX = 20_000;
function memoiseLookups(instance: i18n): void {
  const translate = instance.t.bind(instance) as (key: unknown, options?: unknown) => unknown;
  const texts = new Map<string, string>();
  const memoised = (key: unknown, options?: unknown): unknown => {
    const values = lookupKey(options);
    if (typeof key !== 'string' || values === undefined) return translate(key, options);
    const cacheKey = `${key.length}:${key}${values}`;
    const known = texts.get(cacheKey);
    if (known !== undefined) return known;
    const text = translate(key, options);
    if (typeof text === 'string') {
      if (texts.size >= MEMO_MAX) texts.clear();
      texts.set(cacheKey, text);
    }
    return text;
  };
  instance.t = memoised as unknown as i18n['t'];
}

/** The options of a lookup as text when every value is a string, number, boolean or null (or unset); else undefined. */
function lookupKey(options: unknown): string | undefined {
  if (options === undefined) return '';
  if (typeof options !== 'object' || options === null) return undefined;
  let text = '';
  for (const name in options) {
    const value: unknown = (options as Record<string, unknown>)[name];
    if (value === undefined) continue;
    // React's `t` (react-i18next's useTranslation → getFixedT(null, ns)) passes `lngs: null` on every call: without this
    // no lookup made while rendering a page was ever answered from memory. Kept apart from any string or number.
    if (value === null) {
      text += `${name.length}:${name}z`;
      continue;
    }
    const type = typeof value;
    if (type !== 'string' && type !== 'number' && type !== 'boolean') return undefined;
    // Length-prefixed: no value (a user's name, say) can be written so as to read as other options.
    const shown = String(value);
    text += `${name.length}:${name}${type === 'string' ? 's' : 'n'}${shown.length}:${shown}`;
  }
  return text;
}

/** The hashes of the namespaces a reader's pages use (the document tells the browser what to fetch: translationUrl). */
export function translationManifest(locale: Locale, role?: Role): TranslationManifest {
  const key = `${locale}/${role ?? ''}`;
  let manifest = manifests.get(key);
  if (!manifest) {
    manifest = Object.freeze(Object.fromEntries(namespacesFor(role).map((ns) => [ns, bundles.get(`${locale}/${ns}`)!.hash])));
    manifests.set(key, manifest);
  }
  return manifest;
}
// Built once per language and role (the texts never change while the process runs).
const manifests = new Map<string, TranslationManifest>();

/** The JSON of /locales/<lng>/<ns>.<hash>.json, or undefined when no such bundle (or an outdated hash). */
export function translationBundle(pathname: string): string | undefined {
  const match = /^\/locales\/([A-Za-z-]{2,5})\/([a-z_]{1,40})\.([A-Za-z0-9_-]{12})\.json$/.exec(pathname);
  if (!match) return undefined;
  const bundle = bundles.get(`${match[1]}/${match[2]}`);
  return bundle && bundle.hash === match[3] ? bundle.body : undefined;
}

/** A text as written in a language's resources (`{{placeholders}}` left in), or undefined unless one plain string. */
export function writtenText(locale: Locale, ns: Namespace, path: string): string | undefined {
  let node: unknown = resources[locale][ns];
  for (const part of path.split('.'))
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/** A server-side translate function, e.g. for page titles and outgoing messages (the language's shared instance). */
export function serverT(locale: Locale) {
  return i18nFor(locale).t;
}
