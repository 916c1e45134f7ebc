// The common steps from a business profile to a submitted application: the business form, the enquiry, the vendor's
// quotation, the application form and its submission; a whole submitted application set up through the UI.
import { expect, test, type BrowserContextOptions, type Locator, type Page } from '@playwright/test';
import { DECLARATIONS, DEMO_PACKAGE, DEMO_VENDOR_COMPANY } from './constants';
import { mainNav, rowWithLink, valueOf } from './page';
import { expiryNextYear, hongKongYear, splitForNewShop, toCents, type Split } from './values';
import type { People } from './fixtures';
import { registerApplicant, type Account, type Actor } from './people';

// ── A Food and Beverage business ─────────────────────────────────────────────────────────────────────────────

/** What the business form asks besides the Yes/No questions; the sector is always Food and Beverage. */
export type BusinessDetails = {
  nameEn: string;
  nameZh: string;
  brNumber: string;
  employees: string;
  address: string;
  district: string;
  phone: string;
};

/** Fills the business profile form up to (not including) the Yes/No questions; registered under the BRO. */
export async function fillBusinessDetails(page: Page, business: BusinessDetails) {
  await page.getByLabel('Business name in English').fill(business.nameEn);
  await page.getByLabel('Business name in Chinese').fill(business.nameZh);
  await page
    .getByRole('group', { name: 'How is the business registered?' })
    .getByRole('radio', { name: 'Under the Business Registration Ordinance' })
    .check();
  await page.getByLabel('Business Registration number', { exact: true }).fill(business.brNumber);
  await page.getByLabel('Business Registration Certificate valid until').fill(expiryNextYear());
  await page.getByLabel('Sector', { exact: true }).selectOption({ label: 'Food and Beverage' });
  await page.getByLabel('Number of full-time employees').fill(business.employees);
  await page.getByLabel('Business address in Hong Kong').fill(business.address);
  await page.getByLabel('District', { exact: true }).selectOption({ label: business.district });
  await page.getByLabel('Business phone number').fill(business.phone);
}

/** Adds the business through /businesses/new with eligible Yes/No answers and checks it meets the rules so far. */
export async function addEligibleBusiness(page: Page, business: BusinessDetails) {
  await page.goto('/businesses/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Add a business' })).toBeVisible();
  await fillBusinessDetails(page, business);
  const answers: [string, 'Yes' | 'No'][] = [
    ['Is the business part of a group of companies?', 'No'],
    ['Does the business operate substantively in Hong Kong?', 'Yes'],
    ['Is it a listed company?', 'No'],
    ['Is it a statutory body?', 'No'],
    ['Is it a government-subvented organisation?', 'No'],
  ];
  for (const [question, answer] of answers)
    await page.getByRole('group', { name: question }).getByRole('radio', { name: answer, exact: true }).check();
  await page.getByRole('button', { name: 'Save business profile' }).click();
  await expect(page).toHaveURL(/\/businesses\/\d+\/eligibility\?created=1$/);
  await expect(
    page.getByRole('main').getByRole('status').filter({ hasText: "Your business meets the programme's rules so far." }),
  ).toBeVisible();
}

// ── Enquiry, quotation, application ──────────────────────────────────────────────────────────────────────────

/** A file for setInputFiles. */
export type Upload = { name: string; mimeType: string; buffer: Buffer };

/** Finds DEMO_PACKAGE through the catalogue search, checks its provider and one-off price; returns that price in cents. */
export async function openDemoPackage(page: Page): Promise<number> {
  await mainNav(page).getByRole('link', { name: 'Solutions catalogue' }).click();
  await page.getByLabel('Search by name').fill(DEMO_PACKAGE);
  await page.getByRole('button', { name: 'Show packages' }).click();
  await page.getByRole('main').getByRole('link', { name: DEMO_PACKAGE, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: DEMO_PACKAGE })).toBeVisible();
  const basic = page.getByRole('region', { name: 'Basic package' });
  await expect(valueOf(basic, 'Solution provider')).toContainText(DEMO_VENDOR_COMPANY);
  const priceLine = await valueOf(basic, 'Price').innerText();
  expect(priceLine).toContain('one-off price');
  return toCents(priceLine);
}

/** On a package page, sends the enquiry form for the business with the message, and lands on "My enquiries". */
export async function submitEnquiryForm(page: Page, business: { nameEn: string; nameZh: string }, message: string) {
  await page.getByLabel('Business', { exact: true }).selectOption({ label: `${business.nameEn} (${business.nameZh})` });
  await page.getByLabel('Message to the solution provider (optional)').fill(message);
  await page.getByRole('button', { name: 'Send enquiry' }).click();
  await expect(page).toHaveURL(/\/enquiries\?sent=\d+$/);
}

/** In the vendor's inbox, the enquiry about the package from the business. */
export function inboxItem(page: Page, packageName: string, businessNameEn: string): Locator {
  return page
    .getByRole('main')
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 2, name: packageName, exact: true }) })
    .filter({ hasText: `From ${businessNameEn}` });
}

/** The vendor logged in on `page` confirms the business's enquiry about the package at the listed price. */
export async function confirmEnquiryAtListedPrice(page: Page, packageName: string, businessNameEn: string) {
  await page.goto('/vendor/enquiries?status=sent');
  await expect(page.getByRole('heading', { level: 1, name: 'Enquiries from shops' })).toBeVisible();
  const item = inboxItem(page, packageName, businessNameEn);
  await expect(item).toHaveCount(1);
  await item.getByRole('button', { name: 'Confirm and quote the listed price' }).click();
  await expect(page).toHaveURL(/\/vendor\/enquiries\?answered=\d+$/);
}

/** From "My enquiries", follows "Apply for funding" on the package's quoted enquiry to the application form. */
export async function followApplyForFunding(page: Page, packageName: string) {
  await mainNav(page).getByRole('link', { name: 'Enquiries', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My enquiries' })).toBeVisible();
  const row = rowWithLink(page.getByRole('main'), packageName);
  await expect(row).toContainText('Quotation issued');
  await row.getByRole('link', { name: 'Apply for funding' }).click();
  await expect(page).toHaveURL(/\/applications\/new\?quotation=\d+$/);
}

/** On the application form, ticks every declaration, attaches the quotation and saves (→ check your answers); returns the draft's reference. */
export async function saveApplicationDraft(page: Page, document: Upload): Promise<string> {
  const declarations = page.getByRole('group', { name: 'Declarations' });
  for (const declaration of DECLARATIONS) await declarations.getByRole('checkbox', { name: declaration }).check();
  await page.getByLabel('Quotation document').setInputFiles(document);
  await page.getByRole('button', { name: 'Save and continue' }).click();
  const reference = new RegExp(`/applications/(DTS-${hongKongYear()}-\\d{6})/check$`);
  await expect(page).toHaveURL(reference);
  await expect(page.getByRole('heading', { level: 1, name: 'Check your answers before submitting' })).toBeVisible();
  return reference.exec(page.url())![1]!;
}

/** Submits the draft on screen and checks the application is now Submitted. */
export async function submitDraft(page: Page, ref: string) {
  await page.getByRole('button', { name: 'Submit application' }).click();
  await expect(page).toHaveURL(new RegExp(`/applications/${ref}\\?submitted=1$`));
  await expect(valueOf(page.getByRole('main'), 'Status')).toHaveText('Submitted');
}

// ── A submitted application, set up through the UI ──────────────────────────────────────────────────────────

/** What the set-up leaves: the shop owner (still signed in on `applicant.page`), the account, the business, the reference and the split. */
export type Submitted = { applicant: Actor; account: Account; business: BusinessDetails; ref: string; split: Split };

/**
 * A new shop owner (registered as `label`) adds the Food and Beverage business, asks the demo vendor for DEMO_PACKAGE,
 * the vendor quotes the listed price (`vendor` when the test has them signed in already, else the demo vendor for this
 * step only), and the shop owner applies with the quotation and submits.
 */
export async function submitNewApplication(
  people: People,
  {
    label,
    emailPrefix,
    business,
    message,
    vendor,
    options = {},
  }: { label: string; emailPrefix: string; business: BusinessDetails; message: string; vendor?: Actor; options?: BrowserContextOptions },
): Promise<Submitted> {
  const applicant = await people.visitor(options);
  const { page } = applicant;
  const account = await registerApplicant(page, label, emailPrefix);
  await addEligibleBusiness(page, business);

  const cost = await test.step('enquire about the package from its page', async () => {
    const price = await openDemoPackage(page);
    await expect(page.getByRole('heading', { level: 2, name: 'Interested? Ask the solution provider' })).toBeVisible();
    await submitEnquiryForm(page, business, message);
    return price;
  });

  await test.step('the demo vendor confirms at the listed price', async () => {
    const seller = vendor ?? (await people.vendor());
    await confirmEnquiryAtListedPrice(seller.page, DEMO_PACKAGE, business.nameEn);
    if (!vendor) {
      expect(seller.problems).toEqual([]);
      await seller.context.close();
    }
  });

  const ref = await test.step('apply for funding with the quotation and submit', async () => {
    await followApplyForFunding(page, DEMO_PACKAGE);
    await expect(page.getByRole('heading', { level: 1, name: 'Apply for funding' })).toBeVisible();
    const quotation = { name: 'quotation.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 quotation') };
    const found = await saveApplicationDraft(page, quotation);
    await submitDraft(page, found);
    return found;
  });

  return { applicant, account, business, ref, split: splitForNewShop(cost) };
}
