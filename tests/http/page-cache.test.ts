// Over HTTP against the built server: the public pages' shared cache (app/lib/page-cache.server.ts) serves visitors
// from memory with ETag/304 and a fresh CSP nonce, follows the catalogue version, and never holds anything personal.
import type { Request as ExpressRequest, Response as ExpressResponse } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPageCache } from '../../app/lib/page-cache.server';
import { startBuiltServer, type BuiltServer } from '../support/built-server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { logIn } from '../support/http';

let t: TestDatabase;
let server: BuiltServer;
beforeAll(async () => {
  t = await createTestDatabase({ max: 2 });
  server = await startBuiltServer({ env: { DATABASE_URL: t.url } });
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await t?.drop();
});

const get = (pathname: string, headers: Record<string, string> = {}) => fetch(server.url + pathname, { redirect: 'manual', headers });
const nonceOf = (response: Response) => /'nonce-([^']+)'/.exec(response.headers.get('Content-Security-Policy') ?? '')?.[1];

describe('a visitor on the public pages', () => {
  it('gets the same page (same ETag) with a fresh nonce each time, no cookie, no CSRF token, and a CDN time', async () => {
    for (const pathname of ['/', '/solutions', '/solutions?category=e_payment_pos&sort=price_desc', '/solutions/10']) {
      const first = await get(pathname);
      const firstBody = await first.text();
      const second = await get(pathname);
      const secondBody = await second.text();
      expect(first.status, pathname).toBe(200);
      expect(second.headers.get('ETag'), pathname).toBe(first.headers.get('ETag'));
      expect(second.headers.get('Cache-Control'), pathname).toMatch(/^public, max-age=0, s-maxage=\d+/);
      expect(second.headers.get('Vary'), pathname).toMatch(/Cookie/);
      expect(first.headers.get('Set-Cookie'), pathname).toBeNull();
      expect(second.headers.get('Set-Cookie'), pathname).toBeNull();
      expect(secondBody, pathname).not.toContain('name="_csrf"');
      const [a, b] = [nonceOf(first), nonceOf(second)];
      expect(a && b && a !== b, pathname).toBe(true);
      expect(firstBody).toContain(`nonce="${a}"`);
      expect(secondBody).toContain(`nonce="${b}"`);
      expect(secondBody.replaceAll(b!, a!), pathname).toBe(firstBody);
    }
  });

  it('answers 304 to a matching If-None-Match, without a body or a new CSP', async () => {
    const etag = (await get('/solutions')).headers.get('ETag')!;
    const revalidated = await get('/solutions', { 'If-None-Match': etag });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
    expect(revalidated.headers.get('Content-Security-Policy')).toBeNull();
  });

  it('each language has its own copy', async () => {
    const en = await (await get('/solutions', { 'Accept-Language': 'en' })).text();
    const hk = await (await get('/solutions', { 'Accept-Language': 'zh-HK' })).text();
    const cn = await (await get('/solutions', { Cookie: 'mf_lng=%22zh-CN%22' })).text();
    expect(en).toContain('lang="en"');
    expect(hk).toContain('lang="zh-HK"');
    expect(cn).toContain('lang="zh-CN"');
  });

  it('a change to the catalogue is seen at once (the version in the database moves at commit)', async () => {
    const before = await (await get('/solutions/10')).text();
    const version = await t.db.selectFrom('solutions').select('listedVersionId').where('id', '=', 10).executeTakeFirstOrThrow();
    await t.db.updateTable('solutionVersions').set({ nameEn: 'Renamed Loyalty Club' }).where('id', '=', version.listedVersionId!).execute();
    const after = await (await get('/solutions/10')).text();
    expect(before).not.toContain('Renamed Loyalty Club');
    expect(after).toContain('Renamed Loyalty Club');
  });

  it('switches language with a GET that only sets the cookie', async () => {
    const response = await get('/set-language?lng=zh-HK&redirectTo=%2Fsolutions');
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/solutions');
    expect(response.headers.get('Set-Cookie')).toMatch(/mf_lng=/);
  });
});

describe('never shared', () => {
  it('a signed-in request is rendered for its user, never stored nor answered from the cache', async () => {
    await get('/solutions'); // a visitor's copy is in the cache
    const session = await logIn(server.url, 'applicant@demo.matchfund.hk');
    for (const pathname of ['/', '/solutions', '/solutions/10']) {
      const response = await get(pathname, { Cookie: session });
      const body = await response.text();
      expect(response.headers.get('Cache-Control'), pathname).toBe('no-store');
      expect(response.headers.get('ETag'), pathname).toBeNull();
      expect(body, pathname).toContain('name="_csrf"');
      expect(body, pathname).toMatch(/Chan|applicant@demo/);
      const visitor = await (await get(pathname)).text();
      expect(visitor, pathname).not.toContain('name="_csrf"');
      expect(visitor, pathname).not.toContain('applicant@demo.matchfund.hk');
    }
  });

  it('a request with any session cookie (even a stale one) goes past the cache', async () => {
    const response = await get('/solutions', { Cookie: `mf_session=${'x'.repeat(43)}` });
    expect(response.status).toBe(200);
    expect(response.headers.get('ETag')).toBeNull();
    expect(response.headers.get('Cache-Control')).toBe('no-store');
  });

  it('a response that sets a cookie is passed on but not stored', async () => {
    const cache = createPageCache({ db: t.db });
    let renders = 0;
    const render = async () => {
      renders++;
      return new Response('<html>hello</html>', {
        status: 200,
        headers: { 'Content-Type': 'text/html', 'Set-Cookie': 'mf_csrf=abc', 'Content-Security-Policy': "script-src 'nonce-abc'" },
      });
    };
    const req = { method: 'GET', path: '/solutions', query: {}, headers: {}, originalUrl: '/solutions' } as unknown as ExpressRequest;
    const res = {
      setHeader() {},
      status() {
        return this;
      },
      end() {},
    } as unknown as ExpressResponse;
    const sent: Response[] = [];
    expect(cache.eligible(req)).toBe(true);
    for (let i = 0; i < 3; i++) await cache.serve(req, res, render, async (response) => void sent.push(response));
    expect(renders).toBe(3);
    expect(sent.every((response) => response.headers.get('Set-Cookie') === 'mf_csrf=abc')).toBe(true);
    expect(cache.stats().entries).toBe(0);
  });
});
