// Every page of every role, in all three languages, on the seeded demo data: each page a person can reach by
// following links loads without an error status, hydrates without a mismatch, logs no console error and loses no
// request. The pages are found by following links from each role's home, so a new page is covered without a list.
import { expect, test } from './support/fixtures';
import { DEMO, DEMO_PASSWORD } from './support/constants';
import { logIn } from './support/people';
import { isDocumentPage, languages, openAndJudge, PAGE_LIMIT, pageKind, sameOriginLinks, watch } from './support/crawl';

type Who = { label: string; email?: string; home: RegExp; minPages: number; phone?: boolean };

const everyone: Who[] = [
  { label: 'a visitor', home: /\/$/, minPages: 6, phone: true },
  { label: 'a shop owner', email: DEMO.applicant, home: /\/account$/, minPages: 6, phone: true },
  { label: 'a vendor', email: DEMO.vendor, home: /\/vendor$/, minPages: 6, phone: true },
  { label: 'a case officer', email: DEMO.officer, home: /\/officer$/, minPages: 8 },
  { label: 'an administrator', email: DEMO.admin, home: /\/admin$/, minPages: 4 },
];

for (const who of everyone) {
  test(`every page ${who.label} can reach works in English, 简体中文 and 繁體中文`, async ({ baseURL, people }) => {
    test.setTimeout(240_000);
    const { page } = await people.visitor();
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
  });
}
