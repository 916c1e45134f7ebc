// Calling route loaders and actions in tests: a request as a given user, a form with a valid CSRF pair, the Response.
import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from '@remix-run/node';
import { sql } from 'kysely';
import type { DB } from '../../db/client';
import { sessionCookieHeader } from '../../app/services/session.server';
import { attemptLogin, createSession } from '../../app/services/auth.server';
import { DEMO_PASSWORD } from '../../db/seed';
import { CSRF_TOKEN, csrfCookiePair } from './http';

export function contextFor(db: DB): AppLoadContext {
  return { db, clientIp: '127.0.0.1', secureCookies: false };
}

function cookiePair(setCookie: string): string {
  return setCookie.split(';')[0]!;
}

/** Logs in through the real password check (a login attempt is recorded) and returns the `mf_session=…` pair. */
export async function sessionFor(db: DB, email: string): Promise<string> {
  const login = await attemptLogin({ db, email, password: DEMO_PASSWORD, ip: '127.0.0.1' });
  if (!login.ok) throw new Error(`cannot log in ${email}`);
  const token = await createSession({ db, userId: login.user.id });
  return cookiePair(await sessionCookieHeader(contextFor(db), token));
}

export async function sessionForUserId(db: DB, userId: number): Promise<string> {
  return cookiePair(await sessionCookieHeader(contextFor(db), await createSession({ db, userId })));
}

/** Runs a loader or action and returns the Response, whether it was returned or thrown. */
async function respond(run: () => Promise<unknown>): Promise<Response> {
  try {
    const result = await run();
    if (result instanceof Response) return result;
    return new Response(JSON.stringify(result), { status: 200, headers: { 'Content-Type': 'application/json' } });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/**
 * Who makes the request: a user id, an email (a new session for that account, without a password check), or a
 * `name=value` session cookie pair as sessionFor returns it. Absent: a visitor.
 */
export type As = number | string | undefined;

export type CallOptions = {
  as?: As;
  /** The route's params, as Remix would pass them. */
  params?: Record<string, string>;
  /** The request's path; `:name` segments are filled from params. Default `/` (for routes that do not read it). */
  path?: string;
  /** Appended to the path as its query string. */
  search?: string | Record<string, string | string[]>;
  headers?: Record<string, string>;
  /** More `name=value` cookie pairs (a language or device cookie). */
  cookies?: string[];
  /**
   * Overrides of the load context (e.g. the client's address); a whole context (with `db`) is passed as it is, the same
   * object, as Remix gives every loader and the action of one request the same load context.
   */
  context?: Partial<AppLoadContext>;
};

export type FormValue = string | readonly string[] | File;

export type ActionOptions = CallOptions & {
  /** The form's fields; a File makes it a multipart upload. `_csrf` is added unless csrf is null. */
  form?: Record<string, FormValue>;
  /** The `_csrf` field: the valid token by default, another string for a forged one, null for none. */
  csrf?: string | null;
  /** Send multipart/form-data even without a file (as a browser sends a form with empty file inputs). */
  multipart?: boolean;
};

type RouteLoader = (args: LoaderFunctionArgs) => unknown;
type RouteAction = (args: ActionFunctionArgs) => unknown;

function urlFor({ path = '/', params = {}, search }: CallOptions): string {
  const pathname = path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`callAction/callLoader: no param "${name}" for ${path}`);
    return encodeURIComponent(value);
  });
  let query = '';
  if (typeof search === 'string') query = search.replace(/^\?/, '');
  else if (search) {
    const entries = Object.entries(search).flatMap(([key, value]) => (Array.isArray(value) ? value : [value]).map((v) => [key, v]));
    query = new URLSearchParams(entries).toString();
  }
  const url = new URL(pathname, 'http://localhost');
  if (query) url.search = url.search ? `${url.search}&${query}` : query;
  return url.toString();
}

function body({ form = {}, csrf, multipart }: ActionOptions): URLSearchParams | FormData {
  const fields = multipart || Object.values(form).some((value) => value instanceof File) ? new FormData() : new URLSearchParams();
  for (const [key, value] of Object.entries(form)) {
    if (value instanceof File) (fields as FormData).append(key, value);
    else for (const v of typeof value === 'string' ? [value] : value) fields.append(key, v);
  }
  if (csrf !== null) fields.set('_csrf', csrf ?? CSRF_TOKEN);
  return fields;
}

/**
 * callLoader and callAction for one test file's database: each builds the request (path, session, CSRF pair, form),
 * runs the route module's loader or action and returns the Response, whether it was returned or thrown.
 */
export function routeCalls(database: () => DB) {
  async function sessionAs(as: As): Promise<string | undefined> {
    if (as === undefined) return undefined;
    const db = database();
    if (typeof as === 'number') return sessionForUserId(db, as);
    if (/^[^=@\s]+=/.test(as)) return as;
    const user = await db
      .selectFrom('users')
      .select('id')
      .where(sql<string>`lower(email)`, '=', as.toLowerCase())
      .executeTakeFirst();
    if (!user) throw new Error(`callAction/callLoader: no account ${as}`);
    return sessionForUserId(db, user.id);
  }

  async function requestArgs(options: CallOptions, init: { csrfCookie: boolean; body?: URLSearchParams | FormData }) {
    const session = await sessionAs(options.as);
    const cookies = [...(init.csrfCookie ? [await csrfCookiePair()] : []), ...(session ? [session] : []), ...(options.cookies ?? [])];
    const headers = new Headers(options.headers);
    if (cookies.length > 0) headers.set('Cookie', cookies.join('; '));
    if (init.body instanceof URLSearchParams) headers.set('Content-Type', 'application/x-www-form-urlencoded');
    const request = new Request(urlFor(options), init.body ? { method: 'POST', headers, body: init.body } : { headers });
    const context = options.context?.db ? (options.context as AppLoadContext) : { ...contextFor(database()), ...options.context };
    return { request, params: options.params ?? {}, context };
  }

  return {
    /**
     * GETs the route as `as`, at `path` + `search`, and returns the loader's Response. With `method: 'POST'` the loader
     * sees the POST of a form (as loaders do when Remix renders the page after an action without JavaScript).
     */
    async callLoader(route: { loader: RouteLoader }, options: ActionOptions & { method?: 'GET' | 'POST' } = {}): Promise<Response> {
      const args =
        options.method === 'POST'
          ? await requestArgs(options, { csrfCookie: true, body: body(options) })
          : await requestArgs(options, { csrfCookie: false });
      return respond(async () => route.loader(args));
    },
    /** POSTs `form` (with the CSRF pair unless told otherwise) as `as` and returns the action's Response. */
    async callAction(route: { action: RouteAction }, options: ActionOptions = {}): Promise<Response> {
      const args = await requestArgs(options, { csrfCookie: true, body: body(options) });
      return respond(async () => route.action(args));
    },
  };
}
