// Every page of every role, in all three languages, on the seeded demo data: each page a person can reach by
// following links loads without an error status, hydrates without a mismatch, logs no console error and loses no
// request. The pages are found by following links from each role's home, so a new page is covered without a list.
import { expect, test, type Page } from '@playwright/test';
import { DEMO, DEMO_PASSWORD } from './support/constants';
import { logIn } from './support/people';

type Who = { label: string; email?: string; home: RegExp; minPages: number; phone?: boolean };

const people: Who[] = [
  { label: 'a visitor', home: /\/$/, minPages: 6, phone: true },
  { label: 'a shop owner', email: DEMO.applicant, home: /\/account$/, minPages: 6, phone: true },
  { label: 'a vendor', email: DEMO.vendor, home: /\/vendor$/, minPages: 6, phone: true },
  { label: 'a case officer', email: DEMO.officer, home: /\/officer$/, minPages: 8 },
  { label: 'an administrator', email: DEMO.admin, home: /\/admin$/, minPages: 4 },
];

// English first (the walk), 繁體中文 last (the phone pass runs in it).
const languages = [
  { code: 'en', button: 'English' },
  { code: 'zh-CN', button: '简体中文' },
  { code: 'zh-HK', button: '繁體中文' },
] as const;

/** At most this many pages per role: enough for every kind of page, few enough to stay quick. */
const PAGE_LIMIT = 60;

/** One page per kind: ids and references become ":id", query values are ignored (a filter is the same page). */
function pageKind(url: URL): string {
  const path = url.pathname
    .split('/')
    .map((segment) => (/^\d+$|^[A-Z]{2,}-\d{4}-\d+$|^[0-9a-f-]{16,}$/i.test(segment) ? ':id' : segment))
    .join('/');
  const keys = [...new Set(url.searchParams.keys())].sort();
  return keys.length ? `${path}?${keys.join('&')}` : path;
}

/** Downloads and machine answers are checked by status only; logging out would end the walk. */
function isDocumentPage(url: URL): boolean {
  return !/\.(csv|ico|svg|png|json)$|\/documents\/|^\/healthz$|^\/logout$|^\/set-language$/.test(url.pathname);
}

/** Everything that went wrong on the page while it was open: console errors, uncaught errors, failed requests. */
function watch(page: Page, origin: string): string[] {
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

async function openAndJudge(page: Page, url: string, problems: string[]) {
  const before = problems.length;
  const response = await page.goto(url);
  expect(response, url).not.toBeNull();
  expect(response!.status(), `status of ${url}`).toBeLessThan(400);
  await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true', undefined, { timeout: 10_000 });
  expect(problems.slice(before), `problems on ${url}`).toEqual([]);
}

async function sameOriginLinks(page: Page, origin: string): Promise<URL[]> {
  const hrefs = await page.locator('a[href]').evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
  return hrefs
    .map((href) => new URL(href))
    .filter((url) => url.origin === origin)
    .map((url) => {
      url.hash = '';
      return url;
    });
}

for (const who of people) {
  test(`every page ${who.label} can reach works in English, 简体中文 and 繁體中文`, async ({ browser, baseURL }) => {
    test.setTimeout(240_000);
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    const origin = new URL(baseURL!).origin;
    const problems = watch(page, origin);

    if (who.email) await logIn(page, who.email, DEMO_PASSWORD, who.home);
    else await page.goto('/');

    // Walk the links from the home page in English, one page of each kind.
    const seen = new Set<string>();
    const pages: string[] = [];
    const downloads = new Set<string>();
    const queue: URL[] = [new URL(page.url())];
    while (queue.length > 0 && pages.length < PAGE_LIMIT) {
      const url = queue.shift()!;
      const kind = pageKind(url);
      if (seen.has(kind)) continue;
      seen.add(kind);
      if (!isDocumentPage(url)) {
        if (!/^\/logout$|^\/set-language$/.test(url.pathname)) downloads.add(url.pathname + url.search);
        continue;
      }
      const path = url.pathname + url.search;
      await test.step(`en ${path}`, () => openAndJudge(page, path, problems));
      pages.push(path);
      queue.push(...(await sameOriginLinks(page, origin)));
    }
    expect(pages.length, `pages found for ${who.label}: ${pages.join(', ')}`).toBeGreaterThanOrEqual(who.minPages);

    // Files and machine answers the pages link to are served (CSV exports, documents, the status page, the icon).
    for (const path of [...downloads, '/favicon.ico']) {
      const response = await page.request.get(path);
      expect(response.status(), `status of ${path}`).toBeLessThan(400);
    }

    // The same pages in the two Chinese languages, switched the way a person would, with the header's buttons.
    for (const language of languages.slice(1)) {
      await page.goto(pages[0]!);
      await page.getByRole('button', { name: language.button, exact: true }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', language.code);
      for (const path of pages) {
        await test.step(`${language.code} ${path}`, async () => {
          await openAndJudge(page, path, problems);
          await expect(page.locator('html')).toHaveAttribute('lang', language.code);
        });
      }
    }

    // On a phone (390 × 844 CSS px), in 繁體中文 (the last language switched to, and the longest labels): the page is
    // laid out for the device's width and nothing scrolls sideways.
    if (who.phone) {
      await page.setViewportSize({ width: 390, height: 844 });
      const tooWide: string[] = [];
      for (const path of pages) {
        await openAndJudge(page, path, problems);
        const layout = await page.evaluate(() => ({
          viewport: document.querySelector('meta[name="viewport"]')?.getAttribute('content') ?? '',
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
        }));
        expect(layout.viewport, `viewport tag on ${path}`).toContain('width=device-width');
        if (layout.scrollWidth > layout.clientWidth) tooWide.push(`${path} (${layout.scrollWidth} px)`);
      }
      expect(tooWide, 'pages wider than a 390 px phone').toEqual([]);
    }

    // Leave the account as it was found: the demo accounts are shared with the other specs.
    if (who.email) {
      await page.getByRole('button', { name: 'English', exact: true }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    }
    test.info().annotations.push({ type: 'pages', description: pages.join(' ') });
    await context.close();
  });
}
