// Walking a role's pages, for every-page.spec.ts: the languages, one page per kind, what counts as a document page,
// the problems a page may not have, and the links to follow.
import { expect, type Page } from '@playwright/test';

// English first (the walk), 繁體中文 last (the phone pass runs in it).
export const languages = [
  { code: 'en', button: 'English' },
  { code: 'zh-CN', button: '简体中文' },
  { code: 'zh-HK', button: '繁體中文' },
] as const;

/** At most this many pages per role: enough for every kind of page, few enough to stay quick. */
export const PAGE_LIMIT = 60;

/** One page per kind: ids and references become ":id", query values are ignored (a filter is the same page). */
export function pageKind(url: URL): string {
  const path = url.pathname
    .split('/')
    .map((segment) => (/^\d+$|^[A-Z]{2,}-\d{4}-\d+$|^[0-9a-f-]{16,}$/i.test(segment) ? ':id' : segment))
    .join('/');
  const keys = [...new Set(url.searchParams.keys())].sort();
  return keys.length ? `${path}?${keys.join('&')}` : path;
}

/** Downloads and machine answers are checked by status only; logging out would end the walk. */
export function isDocumentPage(url: URL): boolean {
  return !/\.(csv|ico|svg|png|json)$|\/documents\/|^\/healthz$|^\/logout$|^\/set-language$/.test(url.pathname);
}

/** Everything that went wrong on the page while it was open: console errors, uncaught errors, failed requests. */
export function watch(page: Page, origin: string): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || (message.type() === 'warning' && /hydrat/i.test(message.text()))) {
      problems.push(`console.${message.type()}: ${message.text()}`);
    }
  });
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '';
    // A navigation started while an earlier one was still loading aborts the earlier one: not a fault of the page.
    if (!/ERR_ABORTED/.test(reason)) problems.push(`request failed: ${request.url()} (${reason})`);
  });
  page.on('response', (response) => {
    if (response.url().startsWith(origin) && response.status() >= 400) {
      problems.push(`HTTP ${response.status()}: ${response.url()}`);
    }
  });
  return problems;
}

export async function openAndJudge(page: Page, url: string, problems: string[]) {
  const before = problems.length;
  const response = await page.goto(url);
  expect(response, url).not.toBeNull();
  expect(response!.status(), `status of ${url}`).toBeLessThan(400);
  await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true', undefined, { timeout: 10_000 });
  expect(problems.slice(before), `problems on ${url}`).toEqual([]);
}

export async function sameOriginLinks(page: Page, origin: string): Promise<URL[]> {
  const hrefs = await page.locator('a[href]').evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
  return hrefs
    .map((href) => new URL(href))
    .filter((url) => url.origin === origin)
    .map((url) => {
      url.hash = '';
      return url;
    });
}
