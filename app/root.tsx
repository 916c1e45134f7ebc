// The document: language, header with navigation and language switch, and the error page.
import { json, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import type { ClientLoaderFunctionArgs } from '@remix-run/react';
import {
  Form,
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from '@remix-run/react';
import { useContext, useEffect, useMemo, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { UNSAFE_DataRouterStateContext as DataRouterStateContext } from 'react-router-dom';
import enCommon from '../locales/en/common.json';
import { getSessionState } from './services/session.server';
import { unreadCount } from './services/notifications.server';
import { getCsrfToken } from './lib/csrf.server';
import { createI18n, defaultLocale, gapBefore, i18nFor, loadTranslations, locales, withGap, type Locale } from './lib/i18n';
import { detectLocale, translationManifest } from './lib/i18n.server';
import { isPublicPage } from './lib/public-pages';
import { isRefusedSubmission } from './lib/meta';
import { useNonce } from './lib/nonce';
import { REQUEST_ID_ATTRIBUTE, useRequestId } from './lib/request-id';
import type { RootData } from './lib/root-data';
import stylesheet from './styles/app.css';
import { AppLink, AppNavigation, MenuLink } from './components/app-link';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  // The user, their unread count and the public version come in one query, shared with the page's own loader.
  const session = await getSessionState(request, context);
  const user = session?.user;
  const locale = await detectLocale(request, user?.locale);
  // A visitor's public page is shared (served from the page cache): no token in it, and no cookie set by it.
  const csrf = !user && isPublicPage(new URL(request.url).pathname) ? { token: '' } : await getCsrfToken(request, context);
  const data: RootData = {
    user: user ? { id: user.id, displayName: user.displayName, role: user.role, email: user.email } : null,
    // After an action in the same request (a POST answered with a page, not a redirect) the count is read again: the
    // action may have just read or sent notifications.
    unread: !session
      ? 0
      : request.method === 'GET' || request.method === 'HEAD'
        ? session.unread
        : await unreadCount({ db: context.db, userId: session.user.id }),
    locale,
    csrf: csrf.token,
    translations: translationManifest(locale, user?.role),
  };
  return json(data, 'setCookie' in csrf && csrf.setCookie ? { headers: { 'Set-Cookie': csrf.setCookie } } : undefined);
}

// In the browser: the translations a new language or role needs are fetched before the page shows (entry.client does
// the same before hydrating).
export async function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  const data = await serverLoader<RootData>();
  await loadTranslations(data.locale, data.translations);
  return data;
}

// The root data changes only when the user acts (log in, switch language): skip GET navigations — except leaving a
// visitor's public page (which carries no CSRF token) for one that may post.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate, currentUrl, nextUrl }) => {
  if (formMethod !== undefined && formMethod.toUpperCase() !== 'GET') return defaultShouldRevalidate;
  return isPublicPage(currentUrl.pathname) && !isPublicPage(nextUrl.pathname);
};

const languageNames: Record<Locale, string> = { en: 'English', 'zh-HK': '繁體中文', 'zh-CN': '简体中文' };

function LanguageSwitch({ locale, csrf }: { locale: Locale; csrf: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  // A full page load: the new language's translations come with the new document. Visitors (no token on a shared
  // page) switch with a GET, which only sets the language cookie.
  return (
    <Form
      method={csrf ? 'post' : 'get'}
      action="/set-language"
      reloadDocument
      className="language-switch"
      aria-label={t('common:language')}
    >
      {csrf ? <input type="hidden" name="_csrf" value={csrf} /> : null}
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      {locales.map((lng) => (
        <button key={lng} type="submit" name="lng" value={lng} lang={lng} aria-pressed={lng === locale} className="link-button">
          {languageNames[lng]}
        </button>
      ))}
    </Form>
  );
}

function Header({ data }: { data: RootData }) {
  const { t } = useTranslation();
  const role = data.user?.role;
  return (
    <header className="site-header">
      <a href="#main" className="skip-link">
        {t('common:skipToContent')}
      </a>
      <div className="header-bar">
        <AppLink to="/" className="brand">
          <span className="brand-name">{t('common:appName')}</span>
          <span className="brand-programme">{t('common:programme')}</span>
        </AppLink>
        <LanguageSwitch locale={data.locale} csrf={data.csrf} />
      </div>
      <nav aria-label={t('common:mainNav')} className="main-nav">
        <MenuLink to="/solutions">{t('common:nav.catalogue')}</MenuLink>
        {role === 'applicant' ? (
          <>
            <MenuLink to="/businesses">{t('common:nav.businesses')}</MenuLink>
            <MenuLink to="/enquiries">{t('common:nav.enquiries')}</MenuLink>
            <MenuLink to="/applications">{t('common:nav.applications')}</MenuLink>
          </>
        ) : null}
        {role === 'vendor' ? (
          <>
            <MenuLink to="/vendor" end>
              {t('common:nav.vendor')}
            </MenuLink>
            <MenuLink to="/vendor/listings">{t('common:nav.vendorListings')}</MenuLink>
            <MenuLink to="/vendor/enquiries">{t('common:nav.vendorEnquiries')}</MenuLink>
            <MenuLink to="/vendor/applications">{t('common:nav.vendorApplications')}</MenuLink>
          </>
        ) : null}
        {role === 'officer' ? (
          <>
            <MenuLink to="/officer" end>
              {t('common:nav.officer')}
            </MenuLink>
            <MenuLink to="/officer/applications">{t('common:nav.queue')}</MenuLink>
            <MenuLink to="/officer/claims">{t('common:nav.claims')}</MenuLink>
            <MenuLink to="/officer/listings">{t('common:nav.vetting')}</MenuLink>
            <MenuLink to="/officer/vendors">{t('common:nav.vendors')}</MenuLink>
            <MenuLink to="/officer/dashboard">{t('common:nav.dashboard')}</MenuLink>
          </>
        ) : null}
        {role === 'admin' ? (
          <>
            <MenuLink to="/admin" end>
              {t('common:nav.admin')}
            </MenuLink>
            <MenuLink to="/admin/officers">{t('common:admin.officersTitle')}</MenuLink>
            <MenuLink to="/admin/rounds">{t('common:nav.rounds')}</MenuLink>
            <MenuLink to="/admin/holidays">{t('common:nav.holidays')}</MenuLink>
            <MenuLink to="/officer/dashboard">{t('common:nav.dashboard')}</MenuLink>
          </>
        ) : null}
        {data.user ? (
          <MenuLink to="/notifications">
            {t('common:nav.notifications')}
            {data.unread > 0 ? <span className="badge">{gapBefore(t('common:nav.unread', { count: data.unread }))}</span> : null}
          </MenuLink>
        ) : null}
        <span className="nav-spacer" />
        {data.user ? (
          <>
            <MenuLink to="/account" end>
              {t('common:nav.signedInAs', { name: data.user.displayName })}
            </MenuLink>
            <Form method="post" action="/logout">
              <input type="hidden" name="_csrf" value={data.csrf} />
              <button type="submit" className="link-button">
                {t('common:nav.logout')}
              </button>
            </Form>
          </>
        ) : (
          <>
            <MenuLink to="/login">{t('common:nav.login')}</MenuLink>
            <MenuLink to="/register">{t('common:nav.register')}</MenuLink>
          </>
        )}
      </nav>
    </header>
  );
}

/**
 * The route's meta. A page that answers a refused submission (no JavaScript: the POST's own answer) has a title starting
 * "Error: " (GOV.UK). Remix's meta functions see loader data only, so the router state they read is handed on with the
 * root's data marked `answersRefusedSubmission` (lib/meta.ts); with JavaScript the same holds after a fetched submit.
 */
function PageMeta() {
  const state = useContext(DataRouterStateContext);
  const refused = Object.values(state?.actionData ?? {}).some(isRefusedSubmission);
  const marked = useMemo(() => {
    if (!state || !refused) return null;
    const root = state.loaderData.root as RootData | undefined;
    return { ...state, loaderData: { ...state.loaderData, root: root && { ...root, answersRefusedSubmission: true } } };
  }, [state, refused]);
  if (!marked) return <Meta />;
  return (
    <DataRouterStateContext.Provider value={marked}>
      <Meta />
    </DataRouterStateContext.Provider>
  );
}

function Document({ locale, children }: { locale: Locale; children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        {/* Here, not in `meta`: Remix v2 replaces the root's meta with a route's, and every page needs these. */}
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <PageMeta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const data = useRouteLoaderData('root') as RootData;
  const i18n = i18nFor(data.locale);
  // Marks the document once React has taken it over: browser tests wait for it before judging a page.
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true';
  }, []);
  return (
    <I18nextProvider i18n={i18n}>
      <AppNavigation>
        <Document locale={data.locale}>
          <Header data={data} />
          <main id="main" className="page">
            <Outlet />
          </main>
          <Footer />
        </Document>
      </AppNavigation>
    </I18nextProvider>
  );
}

function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <p>{t('common:footer.disclaimer')}</p>
      <p>
        <AppLink to="/solutions">{t('common:nav.catalogue')}</AppLink> · <AppLink to="/open-data">{t('common:nav.openData')}</AppLink> ·{' '}
        <a href="/healthz">{t('common:footer.status')}</a>
      </p>
    </footer>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData('root') as RootData | undefined;
  const locale = data?.locale ?? defaultLocale;
  const i18n = useMemo(() => (data ? i18nFor(locale) : createI18n(locale, { en: { common: enCommon } })), [data, locale]);
  const status = isRouteErrorResponse(error) ? error.status : 500;
  // On the server the error was logged once, with its request id (entry.server's handleError).
  if (!isRouteErrorResponse(error) && typeof document !== 'undefined') console.error(error);
  const key = [400, 403, 404, 405, 409, 413, 429, 503].includes(status) ? String(status) : '500';
  return (
    <I18nextProvider i18n={i18n}>
      <AppNavigation>
        <Document locale={locale}>
          {data ? <Header data={data} /> : null}
          <main id="main" className="page">
            <ErrorContent statusKey={key} />
          </main>
        </Document>
      </AppNavigation>
    </I18nextProvider>
  );
}

function ErrorContent({ statusKey }: { statusKey: string }) {
  const { t } = useTranslation();
  // The id belongs to the document the server rendered: after a navigation in the browser it would be another request's.
  const requestId = useRequestId();
  const initialDocument = useLocation().key === 'default';
  return (
    <div className="error-page">
      <h1>{t(`common:errorPage.${statusKey}.title`)}</h1>
      <p>{t(`common:errorPage.${statusKey}.body`)}</p>
      {statusKey === '500' && requestId && initialDocument ? (
        <p {...{ [REQUEST_ID_ATTRIBUTE]: requestId }}>
          {withGap(t('common:errorPage.reference'))}
          <code>{requestId}</code>
        </p>
      ) : null}
      <p>
        <AppLink to="/">{t('common:errorPage.home')}</AppLink>
      </p>
    </div>
  );
}
