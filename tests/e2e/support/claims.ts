// After approval, for the payment journey: an approved application set up through the UI, the vendor's report that
// the solution is deployed, the shop's confirmation and claim, the officer's claims pages, and the dashboard's charts.
import { expect, type Locator, type Page, test } from '@playwright/test';
import { DEMO, DEMO_PACKAGE, DEMO_VENDOR_COMPANY, OFFICER_NAME } from './constants';
import { escapeRegExp, hkd, randomBrNumber, type Split, uniqueStamp } from './values';
import { mainNav, rowWithLink, timeline, valueOf } from './page';
import { type Actor } from './people';
import { submitNewApplication, type Submitted } from './steps';
import { type People } from './fixtures';

export const CHECKS = {
  withinQuotation: 'The invoice is not above the quotation',
  paymentMatches: 'The amount paid equals the invoice',
  afterApproval: 'The invoice is dated on or after approval',
  paidByEnterprise: 'The payment was made by the enterprise itself',
  quotedVendor: 'The invoice is from the quoted solution provider',
} as const;

export const PDF = (label: string) => Buffer.from(`%PDF-1.4 ${label}`);

// ── Money, typed the way an invoice prints it ────────────────────────────────────────────────────────────────

/** 1234567 → "12,345.67", the way an invoice prints it (the form accepts commas). */
export function typedAmount(cents: number): string {
  return hkd(cents).slice('HK$'.length);
}

// ── Page helpers ─────────────────────────────────────────────────────────────────────────────────────────────

/** The section under an h2 (its parent element), e.g. one of the three tables of the claims page. */
export function sectionOf(page: Page, heading: string): Locator {
  return page.getByRole('main').getByRole('heading', { level: 2, name: heading, exact: true }).locator('xpath=..');
}

/** One line of the three-way match on the officer's claim page. */
export function checkLine(page: Page, check: string): Locator {
  return page
    .getByRole('heading', { level: 3, name: 'Three-way match' })
    .locator('xpath=following-sibling::ul[1]')
    .getByRole('listitem')
    .filter({ hasText: check });
}

// ── People ───────────────────────────────────────────────────────────────────────────────────────────────────

/** Everyone here accepts downloads: the dashboard's and the open data's CSV files. */
export const DOWNLOADS = { acceptDownloads: true } as const;

/** The vendor's Business Registration number, as its own portal home shows it. */
export async function vendorBrNumber(page: Page): Promise<string> {
  await mainNav(page).getByRole('link', { name: 'Vendor portal' }).click();
  await expect(page).toHaveURL(/\/vendor$/);
  const main = page.getByRole('main');
  await expect(valueOf(main, 'Company')).toContainText(DEMO_VENDOR_COMPANY);
  const br = valueOf(main, 'Business Registration number');
  await expect(br).toHaveText(/^\d{8}$/);
  return (await br.innerText()).trim();
}

// ── Setting up an approved application through the UI ───────────────────────────────────────────────────────

export type Business = { nameEn: string; nameZh: string; brNumber: string };
/**
 * A new shop owner with a tea house in Sham Shui Po applies for DEMO_PACKAGE, quoted by `vendorActor`, and submits;
 * everyone here accepts downloads.
 */
export function submittedApplication(people: People, vendorActor: Actor, label: string): Promise<Submitted> {
  const stamp = uniqueStamp();
  const business = {
    nameEn: `E2E ${label} Tea House Ltd ${stamp}`,
    nameZh: `測試${label}茶餐廳有限公司 ${stamp}`,
    brNumber: randomBrNumber(),
    employees: '8',
    address: 'Shop 3, G/F, 12 Kweilin Street, Sham Shui Po',
    district: 'Sham Shui Po',
    phone: '2777 4321',
  };
  const message = `One counter and a kitchen printer, ${label}.`;
  return submitNewApplication(people, { label, emailPrefix: 'e2e-payment', business, message, vendor: vendorActor, options: DOWNLOADS });
}

/** As submittedApplication, then officer@ opens it from the queue, takes it and approves it. */
export async function approvedApplication(people: People, vendorActor: Actor, label: string): Promise<Submitted> {
  const submitted = await submittedApplication(people, vendorActor, label);
  const { ref, split } = submitted;
  await test.step('officer@ opens it from the queue, takes it and approves it', async () => {
    const officerWong = await people.officer(DEMO.officer, DOWNLOADS);
    const op = officerWong.page;
    await mainNav(op).getByRole('link', { name: 'Queue' }).click();
    await expect(op.getByRole('heading', { level: 1, name: 'Applications queue' })).toBeVisible();
    // Oldest first: behind the lived-in demo's open cases the new one is on a later page; open it by its reference
    // (paging and filtering the queue are the officer journey's subject).
    await op.goto(`/officer/applications/${ref}`);
    await expect(op).toHaveURL(new RegExp(`/officer/applications/${ref}$`));
    await expect(op.getByRole('heading', { level: 1, name: `Review ${ref}` })).toBeVisible();
    const main = op.getByRole('main');
    await expect(valueOf(main, 'Programme pays')).toHaveText(hkd(split.programme));
    await op.getByRole('button', { name: 'Assign to me' }).click();
    await expect(op).toHaveURL(new RegExp(`/officer/applications/${ref}\\?done=assign$`));
    await expect(valueOf(main, 'Status')).toHaveText(`Under review — handled by ${OFFICER_NAME}`);
    await op.getByRole('link', { name: 'Approve application' }).click();
    await op
      .getByRole('dialog', { name: `Approve ${ref}?` })
      .getByRole('button', { name: 'Yes, approve' })
      .click();
    await expect(op).toHaveURL(new RegExp(`/officer/applications/${ref}\\?done=approve$`));
    await expect(main.getByRole('status')).toHaveText('Approved. The applicant and the solution provider have been notified.');
    await expect(valueOf(main, 'Status')).toHaveText(`Approved — handled by ${OFFICER_NAME}`);
    expect(officerWong.problems).toEqual([]);
    await officerWong.context.close();
  });
  return submitted;
}

/** The vendor reports the solution deployed from "Applications for my packages". */
export async function reportDeployed(vendorActor: Actor, ref: string, split: Split) {
  const page = vendorActor.page;
  await mainNav(page).getByRole('link', { name: 'Applications for my packages' }).click();
  await expect(page).toHaveURL(/\/vendor\/applications$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Applications for my packages' })).toBeVisible();
  const row = page
    .getByRole('main')
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: ref, exact: true }) });
  await expect(row).toHaveCount(1);
  const cell = (label: string) => row.locator(`td[data-label="${label}"]`);
  await expect(cell('Package')).toHaveText(DEMO_PACKAGE);
  await expect(cell('Status')).toHaveText('Approved');
  await expect(cell('Eligible cost')).toHaveText(hkd(split.cost));
  await expect(cell('Programme pays')).toHaveText(hkd(split.programme));
  // It asks once, saying what the report sets in motion.
  await row.getByRole('link', { name: 'Report deployed' }).click();
  const dialog = page.getByRole('dialog', { name: `Report ${ref} deployed?` });
  await expect(dialog).toContainText('The shop will be asked to confirm it is in use');
  await dialog.getByRole('button', { name: 'Yes, report deployed' }).click();
  await expect(page).toHaveURL(new RegExp(`/vendor/applications\\?reported=${ref}$`));
  await expect(page.getByRole('main').getByRole('status')).toHaveText(`Deployment of ${ref} reported. The shop will be asked to confirm.`);
  await expect(cell('Status')).toHaveText('Deployment reported by vendor');
  await expect(row.getByRole('link', { name: 'Report deployed' })).toHaveCount(0);
}

/** The shop owner sees "Is the solution in use?" on the application page and confirms it. */
export async function confirmInUse(page: Page, ref: string) {
  await page.goto(`/applications/${ref}`);
  await expect(page.getByRole('heading', { level: 1, name: `Application ${ref}` })).toBeVisible();
  const main = page.getByRole('main');
  await expect(valueOf(main, 'Status')).toHaveText('Deployment reported by vendor');
  const panel = main.getByRole('heading', { level: 2, name: 'Is the solution in use?' }).locator('xpath=..');
  await expect(panel).toContainText('The solution provider reports the solution is deployed.');
  // No claim before the shop confirms.
  await expect(main.getByRole('heading', { level: 2, name: 'Claim the funding' })).toHaveCount(0);
  await panel.getByRole('button', { name: 'Confirm the solution is in use' }).click();
  await expect(page).toHaveURL(new RegExp(`/applications/${ref}\\?confirmed=1$`));
  await expect(main.getByRole('status')).toHaveText('Thank you. You can now claim the funding.');
  await expect(valueOf(main, 'Status')).toHaveText('Solution in use');
  await expect(main.getByRole('heading', { level: 2, name: 'Is the solution in use?' })).toHaveCount(0);
  await expect(timeline(page).last()).toContainText('Shop confirmed the solution is in use');
}

export type Claim = { invoiceNumber: string; invoiceDate: string; invoicedCents: number; paidCents: number; paidOn: string; payer: string };

/** The business's bank account the claims below give (Hang Seng: branch 3 digits, account 9). */
export const BANK = { bank: '024 Hang Seng Bank', branch: '123', number: '456789012', masked: '024-***-***012' };

/** From "Claim the funding" on the application page to the claim page: the rules first, then the form; sends it. */
export async function sendClaim(page: Page, ref: string, claim: Claim) {
  const main = page.getByRole('main');
  const panel = main.getByRole('heading', { level: 2, name: 'Claim the funding' }).locator('xpath=..');
  await expect(panel).toBeVisible();
  await panel.getByRole('link', { name: 'Start the claim' }).click();
  await expect(page).toHaveURL(new RegExp(`/applications/${ref}/claim$`));
  await expect(main.getByText('Before you start: the claim is paid only when')).toBeVisible();
  await expect(main.getByText(/the invoice is dated on or after .+, the day your application was approved/)).toBeVisible();
  await expect(main.getByText(`the invoice is issued by ${DEMO_VENDOR_COMPANY}, the solution provider on your quotation.`)).toBeVisible();
  // The system knows the vendor: the form does not ask for its BR number.
  await expect(main.getByLabel("Solution provider's Business Registration number")).toHaveCount(0);
  await fillClaim(page, claim);
  await expect(page).toHaveURL(new RegExp(`/applications/${ref}\\?claimed=1$`));
  await expect(main.getByRole('status')).toHaveText('Your claim has been sent. A case officer will check it.');
  await expect(valueOf(main, 'Status')).toHaveText('Claim submitted');
  await expect(main.getByRole('heading', { level: 2, name: 'Claim the funding' })).toHaveCount(0);
  await expect(timeline(page).last()).toContainText('Claim submitted');
}

/** Fills the claim page's form (invoice, payment, documents, bank account) and sends it. */
export async function fillClaim(page: Page, claim: Claim) {
  const panel = page.getByRole('main');
  await panel.getByLabel('Invoice number').fill(claim.invoiceNumber);
  await panel.getByLabel('Invoice date').fill(claim.invoiceDate);
  await panel.getByLabel('Invoiced amount (HK$)').fill(typedAmount(claim.invoicedCents));
  await panel.getByLabel('Amount paid (HK$)').fill(typedAmount(claim.paidCents));
  await panel.getByLabel('Date paid').fill(claim.paidOn);
  await panel.getByLabel('Paid by', { exact: true }).fill(claim.payer);
  await panel
    .getByLabel('Invoice', { exact: true })
    .setInputFiles({ name: 'invoice.pdf', mimeType: 'application/pdf', buffer: PDF(`invoice ${claim.invoiceNumber}`) });
  await panel
    .getByLabel('Proof of payment')
    .setInputFiles({ name: 'bank-slip.pdf', mimeType: 'application/pdf', buffer: PDF('bank slip') });
  await panel.getByLabel('Bank', { exact: true }).selectOption({ label: BANK.bank });
  await panel.getByLabel('Branch code').fill(BANK.branch);
  await panel.getByLabel('Account number').fill(BANK.number);
  await panel.getByLabel('Account name').fill(claim.payer);
  await panel.getByRole('button', { name: 'Send claim' }).click();
}

/** officer@ finds the claim under "Claims to check" and opens it. */
export async function openClaimToCheck(page: Page, ref: string, business: Business, split: Split) {
  await mainNav(page).getByRole('link', { name: 'Claims', exact: true }).click();
  await expect(page).toHaveURL(/\/officer\/claims$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Claims and payments' })).toBeVisible();
  const row = rowWithLink(sectionOf(page, 'Claims to check'), ref);
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('cell').nth(1)).toHaveText(business.nameEn);
  await expect(row.getByRole('cell').nth(2)).toHaveText(hkd(split.programme));
  await expect(rowWithLink(sectionOf(page, 'Approved claims to prepare for payment'), ref)).toHaveCount(0);
  await expect(rowWithLink(sectionOf(page, 'Payments waiting for release'), ref)).toHaveCount(0);
  await row.getByRole('link', { name: ref, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/officer/claims/${ref}$`));
  await expect(page.getByRole('heading', { level: 1, name: `Claim for ${ref}` })).toBeVisible();
}

// ── The programme dashboard ──────────────────────────────────────────────────────────────────────────────────

export const CHART_TITLES = [
  'Applications by status',
  'Applications by sector',
  'Applications by solution category',
  'Median days from submission to decision, by sector',
  'Median days from submission to decision, by solution category',
  'Median days from approval to payment, by sector',
  'Median days from approval to payment, by solution category',
] as const;
export const BUDGET_CHART = 'Programme money against the budget';

/** An SVG chart by the start of its accessible name: "<title>. <label>: <value>; …". */
export function chart(page: Page, title: string): Locator {
  return page.getByRole('img', { name: new RegExp(`^${escapeRegExp(title)}\\. `) });
}

export const CSV_HEADER =
  'reference,status,status_label,business_name_en,business_name_zh,sector,sector_label,district,district_label,category,category_label,cost_hkd,programme_hkd,submitted_at_hkt,working_days_waiting,sla_breached,assigned_officer';
