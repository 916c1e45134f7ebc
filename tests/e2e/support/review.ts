// The case officer's side, for the officer journey: a submitted application set up through the UI, and the review
// page's parts.
import { expect, type Locator, type Page, test } from '@playwright/test';
import { DEMO_PACKAGE, OFFICER_NAME } from './constants';
import { randomBrNumber, type Split, splitForNewShop, uniqueStamp } from './values';
import { rowWithLink, valueOf, watchForPageErrors } from './page';
import { type Account, type Actor, registerApplicant } from './people';
import {
  addEligibleBusiness,
  confirmEnquiryAtListedPrice,
  followApplyForFunding,
  openDemoPackage,
  saveApplicationDraft,
  submitDraft,
  submitEnquiryForm,
} from './steps';
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

export type Business = { nameEn: string; nameZh: string; brNumber: string };
export type Submitted = { applicant: Actor; account: Account; business: Business; ref: string; split: Split };

/** A Food and Beverage noodle bar in Jordan, added for the shop owner logged in on `page`. */
export async function addBusiness(page: Page, label: string): Promise<Business> {
  const stamp = uniqueStamp();
  const business = { nameEn: `E2E ${label} Noodle Bar ${stamp}`, nameZh: `測試${label}麵家 ${stamp}`, brNumber: randomBrNumber() };
  await addEligibleBusiness(page, {
    ...business,
    employees: '6',
    address: 'G/F, 88 Temple Street, Jordan',
    district: 'Yau Tsim Mong',
    phone: '2388 1234',
  });
  return business;
}

/**
 * A new shop owner with a Food and Beverage business asks the demo vendor for DEMO_PACKAGE, the vendor quotes the listed
 * price, and the shop owner applies and submits. The shop owner stays logged in on `applicant.page`.
 */
export async function submittedApplication(people: People, label: string): Promise<Submitted> {
  const applicant = await people.visitor();
  const { page } = applicant;
  const account = await registerApplicant(page, label, 'e2e-officer');
  const business = await addBusiness(page, label);

  const cost = await test.step('enquire about the package from its page', async () => {
    const price = await openDemoPackage(page);
    await expect(page.getByRole('heading', { level: 2, name: 'Interested? Ask the solution provider' })).toBeVisible();
    await submitEnquiryForm(page, business, `One counter, ${label}.`);
    return price;
  });

  await test.step('the demo vendor confirms at the listed price', async () => {
    const vendor = await people.vendor();
    await confirmEnquiryAtListedPrice(vendor.page, DEMO_PACKAGE, business.nameEn);
    expect(vendor.problems).toEqual([]);
    await vendor.context.close();
  });

  const ref = await test.step('apply for funding with the quotation and submit', async () => {
    await followApplyForFunding(page, DEMO_PACKAGE);
    await expect(page.getByRole('heading', { level: 1, name: 'Apply for funding' })).toBeVisible();
    const found = await saveApplicationDraft(page, {
      name: 'quotation.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 test'),
    });
    await submitDraft(page, found);
    return found;
  });

  return { applicant, account, business, ref, split: splitForNewShop(cost) };
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
