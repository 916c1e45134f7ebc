// Locators and small helpers for any page: description lists, the header, tables, screenshots, page errors, POSTs.
import path from 'node:path';
import { expect, test, type Locator, type Page, type Response } from '@playwright/test';
import { escapeRegExp } from './values';

/** The value beside a term in a description list (<dt>term</dt><dd>value</dd>). */
export function valueOf(scope: Locator, term: string): Locator {
  return scope
    .getByRole('term')
    .filter({ hasText: new RegExp(`^${escapeRegExp(term)}$`) })
    .locator('xpath=following-sibling::dd[1]');
}

/** The site header's main navigation, by its name in the page's language. */
export function mainNav(page: Page, name = 'Main navigation'): Locator {
  return page.getByRole('navigation', { name });
}

/** The table row (in `scope`) that holds a link with exactly this name. */
export function rowWithLink(scope: Locator, name: string): Locator {
  return scope.getByRole('row').filter({ has: scope.page().getByRole('link', { name, exact: true }) });
}

/** The items of the record of actions: the ordered list under its h2. */
export function timeline(page: Page, name = 'Record of actions'): Locator {
  return page.getByRole('heading', { level: 2, name }).locator('xpath=following-sibling::ol[1]').getByRole('listitem');
}

/** A full-page screenshot into the project's output folder, under screenshots/. */
export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: path.join(test.info().project.outputDir, 'screenshots', name), fullPage: true });
}

/** Collects uncaught errors and console errors of the page into `problems` (hydration mismatches show up here). */
export function watchForPageErrors(page: Page, problems: string[] = []): string[] {
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  return problems;
}

/** The problems without the browser's own note about an HTTP error status the test provoked on purpose. */
export function withoutExpectedStatus(problems: string[], statuses: number[]): string[] {
  const expected = new RegExp(`Failed to load resource: the server responded with a status of (${statuses.join('|')})\\b`);
  return problems.filter((problem) => !expected.test(problem));
}

/** Waits for the response to the next POST from the page (a form submitted through fetch, or as a document). */
export function nextPost(page: Page): Promise<Response> {
  return page.waitForResponse((response) => response.request().method() === 'POST');
}

/** A POST the way a form would send it, with the session's CSRF token; for forms the page does not offer. */
export async function postForm(page: Page, url: string, fields: Record<string, string>) {
  const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
  return page.request.post(url, { form: { _csrf: csrf, ...fields }, maxRedirects: 0 });
}

/** Nothing on the page is wider than the screen: no sideways scrolling (a phone's 390 px included). */
export async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(0);
}
