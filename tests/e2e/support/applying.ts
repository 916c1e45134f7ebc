// The shop owner's side, for the applicant journey: the business profile and its eligibility check, the demo
// vendor's packages read off its pages, the enquiry with the subsidy calculator, the vendor's confirmation, and the
// application from the quotation to its submission.
import { expect, type Locator, type Page } from '@playwright/test';
import { DECLARATIONS, DEMO, DEMO_PASSWORD, MONTHS, PASSWORD } from './constants';
import { type CalculatorSplit, expectedSplit, hkd, lineCostCents, randomBrNumber, uniqueStamp } from './values';
import { mainNav, rowWithLink, screenshot, timeline, valueOf } from './page';
import { type Account, logIn, logOut } from './people';
import { fillBusinessDetails, inboxItem, saveApplicationDraft, submitEnquiryForm, type Upload } from './steps';
import { type People } from './fixtures';

export const YES_NO_QUESTIONS = [
  'Is the business part of a group of companies?',
  'Does the business operate substantively in Hong Kong?',
  'Is it a listed company?',
  'Is it a statutory body?',
  'Is it a government-subvented organisation?',
] as const;

// The rules checked before a package is chosen, each with what a clean profile should show.
export const PROFILE_RULES: [rule: string, explanation: string][] = [
  ['Registration', 'Registered under the Business Registration Ordinance, certificate valid.'],
  ['Sector', 'The sector is open in this application batch.'],
  ['Business in Hong Kong', 'Operates substantively in Hong Kong.'],
  ['Size', 'Fewer than 50 full-time employees.'],
  ['Listed company', 'Not a listed company.'],
  ['Statutory body', 'Not a statutory body.'],
  ['Government subvention', 'Not a government-subvented organisation.'],
  ['Application batch', 'The application batch is open.'],
];

// ── Files ────────────────────────────────────────────────────────────────────────────────────────────────────

/** A small but well-formed PDF: the app judges files by their first bytes, so this is what it must accept. */
export function quotationPdf(label: string): Upload {
  const body = [
    '%PDF-1.4',
    `% Matchfund e2e quotation ${label}`,
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
    '',
  ].join('\n');
  return { name: 'quotation.pdf', mimeType: 'application/pdf', buffer: Buffer.from(body, 'latin1') };
}

/** An HTML page wearing a PDF's name and type: it must be refused on its content. */
export function htmlPretendingToBePdf(): Upload {
  const body = '<!DOCTYPE html><html><body><h1>Quotation</h1><script>alert(1)</script></body></html>';
  return { name: 'quotation.pdf', mimeType: 'application/pdf', buffer: Buffer.from(body, 'utf8') };
}

// ── The business profile ─────────────────────────────────────────────────────────────────────────────────────

export type Business = { id: number; nameEn: string; nameZh: string };

export function yesNo(page: Page, question: string): Locator {
  return page.getByRole('group', { name: question });
}

/** Fills the business profile form; `answerYesNo: false` leaves every Yes/No question unanswered. */
export async function fillBusinessForm(
  page: Page,
  business: { nameEn: string; nameZh: string; brNumber: string },
  { answerYesNo = true } = {},
) {
  await fillBusinessDetails(page, {
    ...business,
    employees: '8',
    address: 'G/F, 12 Tung Choi Street, Mong Kok',
    district: 'Yau Tsim Mong',
    phone: '2345 6789',
  });
  if (answerYesNo) {
    await yesNo(page, 'Is the business part of a group of companies?').getByRole('radio', { name: 'No' }).check();
    await yesNo(page, 'Does the business operate substantively in Hong Kong?').getByRole('radio', { name: 'Yes' }).check();
    await yesNo(page, 'Is it a listed company?').getByRole('radio', { name: 'No' }).check();
    await yesNo(page, 'Is it a statutory body?').getByRole('radio', { name: 'No' }).check();
    await yesNo(page, 'Is it a government-subvented organisation?').getByRole('radio', { name: 'No' }).check();
  }
}

/** Adds a business and checks the eligibility page it leads to; every profile rule must be met. */
export async function addBusiness(page: Page, label: string, { screenshots = false } = {}): Promise<Business> {
  const stamp = uniqueStamp();
  const details = { nameEn: `E2E ${label} Tea House ${stamp}`, nameZh: `測試${label}茶餐廳 ${stamp}`, brNumber: randomBrNumber() };
  await page.goto('/businesses/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Add a business' })).toBeVisible();
  await fillBusinessForm(page, details);
  if (screenshots) await screenshot(page, 'business-form.png');
  await page.getByRole('button', { name: 'Save business profile' }).click();

  await expect(page).toHaveURL(/\/businesses\/\d+\/eligibility\?created=1$/);
  const id = Number(/\/businesses\/(\d+)\//.exec(page.url())![1]);
  await expect(page.getByRole('heading', { level: 1, name: 'Eligibility check' })).toBeVisible();
  const main = page.getByRole('main');
  await expect(main.getByRole('status').filter({ hasText: 'Your business has been added.' })).toBeVisible();
  await expect(main.getByRole('status').filter({ hasText: "Your business meets the programme's rules so far." })).toBeVisible();
  await expect(main).toContainText(`${details.nameEn} · ${details.nameZh}`);
  const rules = main.getByRole('listitem');
  await expect(rules).toHaveCount(PROFILE_RULES.length);
  for (const [rule, explanation] of PROFILE_RULES) {
    const item = rules.filter({ has: page.getByText(rule, { exact: true }) });
    await expect(item).toHaveCount(1);
    await expect(item.getByText('Met', { exact: true })).toBeVisible();
    await expect(item).toContainText(explanation);
  }
  await expect(main.getByText('Not met', { exact: true })).toHaveCount(0);
  if (screenshots) await screenshot(page, 'eligibility.png');
  return { id, nameEn: details.nameEn, nameZh: details.nameZh };
}

// ── The demo vendor's packages, read off its portal and the package pages ───────────────────────────────────

export type Feature = { name: string; cents: number };
export type PackageInfo = { id: number; name: string; category: string; basicCents: number; features: Feature[]; fullCents: number };
export type DemoVendor = { company: string; packages: PackageInfo[] };

/** The basic price and the optional features of the package page on screen, as eligible costs in cents. */
export async function readPackagePage(page: Page): Promise<{ basicCents: number; features: Feature[] }> {
  const basic = page.getByRole('region', { name: 'Basic package' });
  await expect(basic).toBeVisible();
  const priceLine = await valueOf(basic, 'Price').innerText();
  const basicCents = lineCostCents(priceLine);
  if (/a month/.test(priceLine)) await expect(valueOf(basic, `Subscription over ${MONTHS} months`)).toHaveText(hkd(basicCents));
  const features: Feature[] = [];
  for (const row of await basic.getByRole('table').getByRole('row').all()) {
    const cells = row.getByRole('cell');
    if ((await cells.count()) === 0) continue; // the header row
    features.push({ name: (await cells.nth(0).innerText()).trim(), cents: lineCostCents(await cells.nth(1).innerText()) });
  }
  return { basicCents, features };
}

let demoVendorCache: DemoVendor | undefined;

/** Logs the demo vendor in (in a context of its own), lists its packages and reads each package's prices. */
export async function demoVendor(people: People): Promise<DemoVendor> {
  if (demoVendorCache) return demoVendorCache;
  const { context, page } = await people.visitor({ javaScriptEnabled: true });
  try {
    await logIn(page, DEMO.vendor, DEMO_PASSWORD, /\/vendor$/, { expectSignedIn: true });
    await expect(page.getByRole('heading', { level: 1, name: 'Vendor portal' })).toBeVisible();
    // The vendor home shows "English name · Chinese name"; package pages show the name in the reader's language.
    const company = (await valueOf(page.getByRole('main'), 'Company').innerText()).split(' · ')[0]!.trim();
    await mainNav(page).getByRole('link', { name: 'My packages', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My packages' })).toBeVisible();
    const listed: { id: number; name: string; category: string }[] = [];
    for (const row of await page.getByRole('main').getByRole('table').getByRole('row').all()) {
      const cells = row.getByRole('cell');
      if ((await cells.count()) === 0) continue;
      if ((await cells.nth(4).innerText()).trim() !== 'Listed') continue;
      const link = cells.nth(0).getByRole('link');
      const id = Number(/\/vendor\/listings\/(\d+)$/.exec((await link.getAttribute('href')) ?? '')?.[1]);
      listed.push({ id, name: (await link.innerText()).trim(), category: (await cells.nth(1).innerText()).trim() });
    }
    expect(listed.length).toBeGreaterThan(0);
    const packages: PackageInfo[] = [];
    for (const item of listed) {
      await page.goto(`/solutions/${item.id}`);
      await expect(page.getByRole('heading', { level: 1, name: item.name })).toBeVisible();
      await expect(valueOf(page.getByRole('region', { name: 'Basic package' }), 'Solution provider')).toContainText(company);
      const prices = await readPackagePage(page);
      packages.push({ ...item, ...prices, fullCents: prices.basicCents + prices.features.reduce((sum, f) => sum + f.cents, 0) });
    }
    demoVendorCache = { company, packages };
    return demoVendorCache;
  } finally {
    await context.close();
  }
}

/** For each category the vendor serves (in the portal's order), its package that costs most with every feature. */
export function dearestPerCategory(packages: PackageInfo[]): PackageInfo[] {
  const best = new Map<string, PackageInfo>();
  for (const pkg of packages) {
    const current = best.get(pkg.category);
    if (!current || pkg.fullCents > current.fullCents) best.set(pkg.category, pkg);
  }
  return [...best.values()];
}

// ── Enquiry, quotation, application ──────────────────────────────────────────────────────────────────────────

/** Opens a package through the catalogue search by its English name. */
export async function openPackageFromCatalogue(page: Page, pkg: PackageInfo) {
  await mainNav(page).getByRole('link', { name: 'Solutions catalogue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Solutions catalogue' })).toBeVisible();
  await page.getByLabel('Search by name').fill(pkg.name);
  await page.getByRole('button', { name: 'Show packages' }).click();
  await expect(page).toHaveURL(/[?&]q=/);
  await page.getByRole('main').getByRole('link', { name: pkg.name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/solutions/${pkg.id}(\\?|$)`));
  await expect(page.getByRole('heading', { level: 1, name: pkg.name })).toBeVisible();
}

/**
 * Sends an enquiry from the package page, with every optional feature ticked in the calculator when asked.
 * Checks the calculator against the prices on the page and the funding the account already has committed.
 * Returns the eligible cost the quotation should carry.
 */
export async function sendEnquiry(
  page: Page,
  {
    pkg,
    business,
    committed,
    withFeatures,
    message,
  }: { pkg: PackageInfo; business: Business; committed: number; withFeatures: boolean; message: string },
): Promise<number> {
  await openPackageFromCatalogue(page, pkg);
  const prices = await readPackagePage(page); // read again, as this shop owner sees it
  expect(prices.basicCents).toBe(pkg.basicCents);
  const calculator = page.getByRole('region', { name: 'Subsidy calculator' });
  let cost = prices.basicCents;
  if (withFeatures) {
    for (const [index, feature] of prices.features.entries()) {
      await calculator
        .getByRole('group', { name: 'Optional features to include' })
        .getByRole('checkbox', { name: feature.name, exact: true })
        .check();
      // Ticking recalculates at once; the enquiry form then carries the chosen features.
      await expect(page.getByText(`Optional features chosen in the calculator: ${index + 1}.`)).toBeVisible();
      cost += feature.cents;
    }
  } else {
    await expect(page.getByText('Optional features chosen in the calculator: 0.')).toBeVisible();
  }

  // One business: the calculator counts the account's own committed funding, read-only.
  const used = calculator.getByLabel('Funding your enterprise already has');
  await expect(used).toHaveValue(String(committed / 100));
  await expect(used).toHaveAttribute('readonly', '');
  const split = expectedSplit(cost, committed);
  const result = page.getByTestId('calculator-result');
  await expect(valueOf(result, 'Eligible cost')).toHaveText(hkd(split.cost));
  await expect(valueOf(result, 'Programme pays')).toHaveText(hkd(split.programme));
  await expect(valueOf(result, 'You pay')).toHaveText(hkd(split.shop));
  await expect(result).toContainText(`Remaining funding you can apply for afterwards: ${hkd(split.headroomAfter)}`);

  await expect(page.getByRole('heading', { level: 2, name: 'Interested? Ask the solution provider' })).toBeVisible();
  await submitEnquiryForm(page, business, message);

  await expect(page.getByRole('heading', { level: 1, name: 'My enquiries' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('status')).toContainText('Your enquiry has been sent.');
  const row = enquiryRow(page, pkg);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Waiting for reply');
  await expect(row).toContainText('Waiting for the solution provider');
  await expect(row).toContainText(business.nameEn);
  await expect(row.getByRole('link', { name: 'Apply for funding' })).toHaveCount(0);
  return cost;
}

/** The package's row in "My enquiries". */
export function enquiryRow(page: Page, pkg: PackageInfo): Locator {
  return rowWithLink(page.getByRole('main'), pkg.name);
}

/** Logs the demo vendor in on this page, confirms each enquiry at the listed price, and logs the shop owner back in. */
export async function vendorConfirms(
  page: Page,
  {
    applicant,
    business,
    enquiries,
    screenshotName,
  }: {
    applicant: Account;
    business: Business;
    enquiries: { pkg: PackageInfo; cost: number; message: string; features: number }[];
    screenshotName?: string;
  },
) {
  await logOut(page);
  await logIn(page, DEMO.vendor, DEMO_PASSWORD, /\/vendor$/, { expectSignedIn: true });
  await mainNav(page).getByRole('link', { name: 'Enquiries from shops' }).click();
  await expect(page).toHaveURL(/\/vendor\/enquiries$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Enquiries from shops' })).toBeVisible();
  for (const enquiry of enquiries) {
    const item = inboxItem(page, enquiry.pkg.name, business.nameEn);
    await expect(item).toHaveCount(1);
    await expect(item).toContainText('Waiting for reply');
    await expect(item).toContainText(enquiry.message);
    // The vendor sees what confirming would quote: the package and each chosen feature, the total and the shares.
    await expect(item.getByRole('row').filter({ hasText: 'Optional feature' })).toHaveCount(enquiry.features);
    await expect(item.getByRole('row').filter({ hasText: 'Package' })).toHaveCount(1);
    await expect(item).toContainText(`Total eligible cost${hkd(enquiry.cost)}`);
    await expect(item.getByRole('button', { name: 'Confirm and quote the listed price' })).toBeVisible();
  }
  if (screenshotName) await screenshot(page, screenshotName);
  for (const enquiry of enquiries) {
    const item = inboxItem(page, enquiry.pkg.name, business.nameEn);
    await item.getByRole('button', { name: 'Confirm and quote the listed price' }).click();
    await expect(page).toHaveURL(/\/vendor\/enquiries\?answered=\d+$/);
    await expect(item).toContainText('Quotation issued');
    await expect(item).toContainText(`Quotation: ${hkd(enquiry.cost)}`);
    await expect(item.getByRole('button', { name: 'Confirm and quote the listed price' })).toHaveCount(0);
  }
  await logOut(page);
  await logIn(page, applicant.email, PASSWORD, /\/account$/, { expectSignedIn: true });
}

/** From "My enquiries", follows "Apply for funding" on the package's confirmed enquiry to the application form. */
export async function openApplyForm(page: Page, pkg: PackageInfo, cost: number) {
  await mainNav(page).getByRole('link', { name: 'Enquiries', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My enquiries' })).toBeVisible();
  const row = enquiryRow(page, pkg);
  await expect(row).toContainText('Quotation issued');
  await expect(row).toContainText(hkd(cost));
  await row.getByRole('link', { name: 'Apply for funding' }).click();
  // A route module that fails to load in the browser sends the page back to where it was: the link must lead on.
  await expect(page, '"Apply for funding" opens the application form').toHaveURL(/\/applications\/new\?quotation=\d+$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Apply for funding' })).toBeVisible();
}

/**
 * From "My enquiries", applies with the confirmed quotation: checks the split the form announces, ticks the
 * declarations, attaches the document and saves. Returns the draft's reference.
 */
export async function applyWithQuotation(
  page: Page,
  {
    pkg,
    business,
    vendorCompany,
    cost,
    committed,
    document,
  }: { pkg: PackageInfo; business: Business; vendorCompany: string; cost: number; committed: number; document: Upload },
): Promise<string> {
  await openApplyForm(page, pkg, cost);
  const main = page.getByRole('main');
  await expect(main).toContainText(`${business.nameEn} · ${vendorCompany}`);
  await expect(main.getByRole('listitem').filter({ hasText: pkg.name })).toHaveCount(1);
  const split = expectedSplit(cost, committed);
  await expect(valueOf(main, 'Eligible cost')).toHaveText(hkd(split.cost));
  await expect(valueOf(main, 'Programme pays')).toHaveText(hkd(split.programme));
  await expect(valueOf(main, 'You pay')).toHaveText(hkd(split.shop));
  await expect(main).toContainText(`Remaining funding you can apply for afterwards: ${hkd(split.headroomAfter)}`);
  const noHeadroom = main.getByText('Your business has no funding left to apply for under the HK$50,000 ceiling.');
  if (split.programme === 0) await expect(noHeadroom).toBeVisible();
  else await expect(noHeadroom).toHaveCount(0);

  const ref = await saveApplicationDraft(page, document);
  await expect(valueOf(main, 'Reference')).toHaveText(ref);
  await expect(valueOf(main, 'Status')).toHaveText('Draft');
  await expect(valueOf(main, 'Business')).toHaveText(business.nameEn);
  await expect(valueOf(main, 'Solution provider')).toHaveText(vendorCompany);
  await expect(valueOf(main, 'Category')).toHaveText(pkg.category);
  await expect(valueOf(main, 'Eligible cost')).toHaveText(hkd(cost));
  // Check your answers shows the money as it would be now, and the ceiling left after this application.
  await expect(valueOf(main, 'Programme pays')).toHaveText(hkd(split.programme));
  await expect(valueOf(main, 'You pay')).toHaveText(hkd(split.shop));
  await expect(valueOf(main, 'Funding ceiling left after this application')).toHaveText(hkd(split.headroomAfter));
  await expect(main.getByRole('link', { name: 'Change Declarations' })).toHaveAttribute(
    'href',
    /\/applications\/new\?quotation=\d+&change=1#/,
  );
  for (const declaration of DECLARATIONS) {
    await expect(valueOf(main, 'Declarations'), 'each declaration made is listed for checking').toContainText(declaration);
  }
  await expect(valueOf(main, 'Documents').getByRole('link', { name: document.name })).toBeVisible();
  await expect(valueOf(main, 'Documents')).toContainText(`(quotation, ${Math.ceil(document.buffer.byteLength / 1024)} KB)`);
  await expect(page.getByRole('button', { name: 'Submit application' })).toBeVisible();
  return ref;
}

/** Submits the draft on screen and checks the confirmation, the amounts and the record of actions. */
export async function submitAndCheck(page: Page, ref: string, split: CalculatorSplit) {
  await page.getByRole('button', { name: 'Submit application' }).click();
  await expect(page).toHaveURL(new RegExp(`/applications/${ref}\\?submitted=1$`));
  const confirmation = page
    .getByRole('main')
    .getByRole('status')
    .filter({ has: page.getByRole('heading', { name: 'Application submitted' }) });
  await expect(confirmation).toBeVisible();
  await expect(confirmation).toContainText(`Your reference number is ${ref}`);
  await expect(page.getByRole('heading', { level: 1, name: `Application ${ref}` })).toBeVisible();
  const main = page.getByRole('main');
  await expect(valueOf(main, 'Status')).toHaveText('Submitted');
  await expect(valueOf(main, 'Eligible cost')).toHaveText(hkd(split.cost));
  await expect(valueOf(main, 'Programme pays')).toHaveText(hkd(split.programme));
  await expect(valueOf(main, 'You pay')).toHaveText(hkd(split.shop));
  await expect(page.getByRole('button', { name: 'Submit application' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: 'Record of actions' })).toBeVisible();
  const events = timeline(page);
  await expect(events).toHaveCount(2);
  await expect(events.nth(0)).toContainText('Draft saved');
  await expect(events.nth(0)).toContainText('by the shop owner · now Draft');
  await expect(events.nth(1)).toContainText('Application submitted');
  await expect(events.nth(1)).toContainText('by the shop owner · now Submitted');
}

/** The calculator on a package page (basic package only) for a shop owner with one business. */
export async function expectAccountHeadroom(page: Page, pkg: PackageInfo, committed: number) {
  await page.goto(`/solutions/${pkg.id}`);
  await expect(page.getByRole('heading', { level: 1, name: pkg.name })).toBeVisible();
  const calculator = page.getByRole('region', { name: 'Subsidy calculator' });
  await expect(calculator.getByText('this figure comes from your account')).toBeVisible();
  await expect(calculator.getByLabel('Funding your enterprise already has')).toHaveValue(String(committed / 100));
  const split = expectedSplit(pkg.basicCents, committed);
  const result = page.getByTestId('calculator-result');
  await expect(valueOf(result, 'Programme pays')).toHaveText(hkd(split.programme));
  await expect(result).toContainText(`Remaining funding you can apply for afterwards: ${hkd(split.headroomAfter)}`);
}
