// The case officer's side, for the officer journey: a submitted application set up through the UI, and the review
// page's parts.
import { expect, type Locator, type Page } from '@playwright/test';
import { OFFICER_NAME } from './constants';
import { randomBrNumber, uniqueStamp } from './values';
import { rowWithLink, valueOf, watchForPageErrors } from './page';
import { type Actor } from './people';
import { submitNewApplication, type Submitted } from './steps';
import { type People } from './fixtures';

export const STALE = 'Someone else changed this application meanwhile. The page now shows its latest status; check it and decide again.';

// ── People ───────────────────────────────────────────────────────────────────────────────────────────────────

/** A second tab in the same context (same session), watched like the first. */
export async function secondTab(actor: Actor): Promise<Page> {
  const page = await actor.context.newPage();
  watchForPageErrors(page, actor.problems);
  return page;
}

// ── Setting up a submitted application through the UI ───────────────────────────────────────────────────────

/** A new shop owner with a noodle bar in Jordan applies for DEMO_PACKAGE, quoted by the demo vendor, and submits. */
export function submittedApplication(people: People, label: string): Promise<Submitted> {
  const stamp = uniqueStamp();
  const business = {
    nameEn: `E2E ${label} Noodle Bar ${stamp}`,
    nameZh: `測試${label}麵家 ${stamp}`,
    brNumber: randomBrNumber(),
    employees: '6',
    address: 'G/F, 88 Temple Street, Jordan',
    district: 'Yau Tsim Mong',
    phone: '2388 1234',
  };
  return submitNewApplication(people, { label, emailPrefix: 'e2e-officer', business, message: `One counter, ${label}.` });
}

// ── The officer's pages ──────────────────────────────────────────────────────────────────────────────────────

/** The application's row in the officer's queue. */
export function queueRow(page: Page, ref: string): Locator {
  return rowWithLink(page.getByRole('main'), ref);
}

export function decisionSection(page: Page): Locator {
  return page.getByRole('heading', { level: 2, name: 'Decision' });
}

export async function openReview(page: Page, ref: string) {
  await page.goto(`/officer/applications/${ref}`);
  await expect(page.getByRole('heading', { level: 1, name: `Review ${ref}` })).toBeVisible();
}

export async function assignToMe(page: Page, ref: string) {
  await page.getByRole('button', { name: 'Assign to me' }).click();
  await expect(valueOf(page.getByRole('main'), 'Status')).toHaveText(`Under review — handled by ${OFFICER_NAME}`);
  await expect(page).toHaveURL(new RegExp(`/officer/applications/${ref}\\?done=assign$`));
  await expect(page.getByRole('status')).toContainText('The application is now yours.');
  await expect(page.getByRole('button', { name: 'Assign to me' })).toHaveCount(0);
  await expect(decisionSection(page)).toBeVisible();
}
