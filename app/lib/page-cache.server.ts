// The public pages (home, catalogue, package pages; lib/public-pages) for visitors: rendered once per (language, address,
// catalogue version) and served from a bounded memory cache until the catalogue or the programme settings change.
// The version lives in the database (public_version, bumped by triggers), so several processes agree on it.
// Never cached: a request with a session cookie, a response that sets a cookie, anything but a 200 HTML page.
// Each answer gets a fresh CSP nonce; ETag/304 for browsers; Cache-Control lets a CDN keep a page CDN_SECONDS.
import crypto from 'node:crypto';
import type { Request as ExpressRequest, Response as ExpressResponse } from 'express';
import { sql } from 'kysely';
import type { DB } from '../../db/client';
import { localeFromHeaders } from './i18n.server';
import { isPublicPage } from './public-pages';

/** How long a CDN or shared proxy may keep a public page (stated in docs/decisions/015). Browsers revalidate (304). */
export const CDN_SECONDS = 60;
export const PUBLIC_CACHE_CONTROL = `public, max-age=0, s-maxage=${CDN_SECONDS}, must-revalidate`;
const NONCE_MARK = '\u0000nonce\u0000';

type Entry = { version: string; body: string; etag: string; headers: [string, string][]; bytes: number };

export type PageCache = {
  /** True when the request may be answered from (and its answer stored in) the cache. */
  eligible(req: ExpressRequest): boolean;
  /** Answers from memory when possible; otherwise `render` produces the page, which is stored when it qualifies. */
  serve(
    req: ExpressRequest,
    res: ExpressResponse,
    render: () => Promise<Response>,
    send: (response: Response) => Promise<void>,
  ): Promise<void>;
  stats(): { entries: number; bytes: number; hits: number; misses: number };
};

export async function publicVersion(db: DB): Promise<string> {
  const { rows } = await sql<{ version: string }>`select version::text as version from public_version where id = 1`.execute(db);
  return rows[0]?.version ?? '0';
}

export function createPageCache({
  db,
  maxEntries = 500,
  maxBytes = 32 * 1024 * 1024,
}: {
  db: DB;
  maxEntries?: number;
  maxBytes?: number;
}): PageCache {
  const entries = new Map<string, Entry>();
  let bytes = 0;
  let hits = 0;
  let misses = 0;
  let seenVersion = '';

  const drop = (key: string) => {
    const old = entries.get(key);
    if (old) {
      bytes -= old.bytes;
      entries.delete(key);
    }
  };

  function answer(req: ExpressRequest, res: ExpressResponse, entry: Entry) {
    res.setHeader('ETag', entry.etag);
    res.setHeader('Cache-Control', PUBLIC_CACHE_CONTROL);
    res.setHeader('Vary', 'Cookie, Accept-Language');
    if (req.headers['if-none-match'] === entry.etag) {
      // No CSP here: the browser keeps the stored page with the headers (and nonce) it came with.
      res.status(304).end();
      return;
    }
    const nonce = crypto.randomBytes(16).toString('base64');
    for (const [name, value] of entry.headers) res.setHeader(name, value.replaceAll(NONCE_MARK, nonce));
    res.status(200).end(entry.body.replaceAll(NONCE_MARK, nonce));
  }

  return {
    eligible(req) {
      if (req.method !== 'GET' || !isPublicPage(req.path) || '_data' in req.query) return false;
      const cookie = req.headers.cookie;
      return !cookie || !/(?:^|;\s*)mf_session=/.test(cookie);
    },

    async serve(req, res, render, send) {
      let version: string;
      try {
        version = await publicVersion(db);
      } catch {
        return send(await render()); // the database is away: the usual path answers (503)
      }
      if (version !== seenVersion) {
        entries.clear();
        bytes = 0;
        seenVersion = version;
      }
      const locale = await localeFromHeaders(req.headers.cookie ?? null, req.headers['accept-language'] ?? null);
      const key = `${locale} ${req.originalUrl}`;
      const cached = entries.get(key);
      if (cached && cached.version === version) {
        hits++;
        entries.delete(key); // least recently used goes first
        entries.set(key, cached);
        return answer(req, res, cached);
      }
      misses++;
      const response = await render();
      const type = response.headers.get('Content-Type') ?? '';
      const nonce = /'nonce-([^']+)'/.exec(response.headers.get('Content-Security-Policy') ?? '')?.[1];
      if (response.status !== 200 || response.headers.has('Set-Cookie') || !type.startsWith('text/html') || !nonce) return send(response);
      const html = await response.text();
      const body = html.replaceAll(nonce, NONCE_MARK);
      const headers: [string, string][] = [];
      response.headers.forEach((value, name) => {
        if (name !== 'cache-control' && name !== 'content-length') headers.push([name, value.replaceAll(nonce, NONCE_MARK)]);
      });
      const etag = `W/"${crypto.createHash('sha1').update(locale).update(body).digest('base64url').slice(0, 22)}"`;
      const entry: Entry = { version, body, etag, headers, bytes: body.length * 2 };
      drop(key);
      if (entry.bytes <= maxBytes / 4) {
        entries.set(key, entry);
        bytes += entry.bytes;
        for (const oldest of entries.keys()) {
          if (entries.size <= maxEntries && bytes <= maxBytes) break;
          drop(oldest);
        }
      }
      answer(req, res, { ...entry, body, headers });
    },

    stats: () => ({ entries: entries.size, bytes, hits, misses }),
  };
}
