// The shop owner's way from a business profile to a submitted funding application, in a real browser: business
// form, eligibility, an enquiry the demo vendor confirms with a quotation, the application with its declarations
// and quotation document, the HK$50,000 ceiling across applications, withdrawal, Traditional Chinese, the same
// form without JavaScript, and bad input (a disguised file, someone else's application, a half-filled profile).
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { CAP_CENTS, DECLARATIONS, DEMO, DEMO_PASSWORD, MONTHS, PASSWORD } from './support/constants';
import { expectedSplit, hkd, hongKongYear, lineCostCents, randomBrNumber, uniqueStamp, type CalculatorSplit } from './support/values';
import { mainNav, rowWithLink, screenshot, valueOf, watchForPageErrors, withoutExpectedStatus } from './support/page';
import { logIn, logOut, registerApplicant, type Account } from './support/people';
import { fillBusinessDetails, inboxItem, saveApplicationDraft, submitEnquiryForm, type Upload } from './support/steps';

const YES_NO_QUESTIONS = [
  'Is the business part of a group of companies?',
  'Does the business operate substantively in Hong Kong?',
  'Is it a listed company?',
  'Is it a statutory body?',
  'Is it a government-subvented organisation?',
] as const;

// The rules checked before a package is chosen, each with what a clean profile should show.
const PROFILE_RULES: [rule: string, explanation: string][] = [
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
function quotationPdf(label: string): Upload {
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
function htmlPretendingToBePdf(): Upload {
  const body = '<!DOCTYPE html><html><body><h1>Quotation</h1><script>alert(1)</script></body></html>';
  return { name: 'quotation.pdf', mimeType: 'application/pdf', buffer: Buffer.from(body, 'utf8') };
}

// ── The business profile ─────────────────────────────────────────────────────────────────────────────────────

type Business = { id: number; nameEn: string; nameZh: string };

function yesNo(page: Page, question: string): Locator {
  return page.getByRole('group', { name: question });
}

/** Fills the business profile form; `answerYesNo: false` leaves every Yes/No question unanswered. */
async function fillBusinessForm(page: Page, business: { nameEn: string; nameZh: string; brNumber: string }, { answerYesNo = true } = {}) {
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
async function addBusiness(page: Page, label: string, { screenshots = false } = {}): Promise<Business> {
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

type Feature = { name: string; cents: number };
type PackageInfo = { id: number; name: string; category: string; basicCents: number; features: Feature[]; fullCents: number };
type DemoVendor = { company: string; packages: PackageInfo[] };

/** The basic price and the optional features of the package page on screen, as eligible costs in cents. */
async function readPackagePage(page: Page): Promise<{ basicCents: number; features: Feature[] }> {
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
async function demoVendor(browser: Browser, baseURL: string | undefined): Promise<DemoVendor> {
  if (demoVendorCache) return demoVendorCache;
  const context = await browser.newContext({ baseURL, javaScriptEnabled: true });
  try {
    const page = await context.newPage();
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
function dearestPerCategory(packages: PackageInfo[]): PackageInfo[] {
  const best = new Map<string, PackageInfo>();
  for (const pkg of packages) {
    const current = best.get(pkg.category);
    if (!current || pkg.fullCents > current.fullCents) best.set(pkg.category, pkg);
  }
  return [...best.values()];
}

// ── Enquiry, quotation, application ──────────────────────────────────────────────────────────────────────────

/** Opens a package through the catalogue search by its English name. */
async function openPackageFromCatalogue(page: Page, pkg: PackageInfo) {
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
async function sendEnquiry(
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
function enquiryRow(page: Page, pkg: PackageInfo): Locator {
  return rowWithLink(page.getByRole('main'), pkg.name);
}

/** Logs the demo vendor in on this page, confirms each enquiry at the listed price, and logs the shop owner back in. */
async function vendorConfirms(
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
async function openApplyForm(page: Page, pkg: PackageInfo, cost: number) {
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
async function applyWithQuotation(
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

/** The record of actions: the ordered list under its heading. */
function timeline(page: Page, heading = 'Record of actions'): Locator {
  return page.getByRole('main').getByRole('heading', { level: 2, name: heading }).locator('xpath=following-sibling::ol[1]');
}

/** Submits the draft on screen and checks the confirmation, the amounts and the record of actions. */
async function submitAndCheck(page: Page, ref: string, split: CalculatorSplit) {
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
  const events = timeline(page).getByRole('listitem');
  await expect(events).toHaveCount(2);
  await expect(events.nth(0)).toContainText('Draft saved');
  await expect(events.nth(0)).toContainText('by the shop owner · now Draft');
  await expect(events.nth(1)).toContainText('Application submitted');
  await expect(events.nth(1)).toContainText('by the shop owner · now Submitted');
}

/** The calculator on a package page (basic package only) for a shop owner with one business. */
async function expectAccountHeadroom(page: Page, pkg: PackageInfo, committed: number) {
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

// ── The journey ──────────────────────────────────────────────────────────────────────────────────────────────

test('a new shop owner adds a business, gets a quotation, applies, meets the funding ceiling and withdraws', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const problems = watchForPageErrors(page);
  const vendor = await demoVendor(browser, baseURL);
  // The dearest package (with every feature) in each category the demo vendor serves: the first carries the
  // journey, the others push the business towards the ceiling.
  const [journeyPackage, ...morePackages] = dearestPerCategory(vendor.packages);
  expect(journeyPackage, 'the demo vendor lists at least one package').toBeDefined();
  const first = journeyPackage!;

  const applicant = await test.step('register as a new shop owner', () => registerApplicant(page, 'Journey'));
  const business = await test.step('add a business and see it meets every rule', () => addBusiness(page, 'Journey', { screenshots: true }));

  let committed = 0; // the programme's share across the business's live applications, as the test works it out
  const submitted: { ref: string; pkg: PackageInfo; split: CalculatorSplit }[] = [];

  const firstMessage = `We need it for one shop in Mong Kok (${business.nameEn}).`;
  const firstCost = await test.step(`enquire on "${first.name}" with every optional feature`, () =>
    sendEnquiry(page, { pkg: first, business, committed, withFeatures: true, message: firstMessage }));
  expect(firstCost).toBe(first.fullCents);

  await test.step('the demo vendor confirms the enquiry with a quotation at the listed price', () =>
    vendorConfirms(page, {
      applicant,
      business,
      enquiries: [{ pkg: first, cost: firstCost, message: firstMessage, features: first.features.length }],
      screenshotName: 'vendor-inbox.png',
    }));

  await test.step('apply with the quotation, check the answers and submit', async () => {
    const ref = await applyWithQuotation(page, {
      pkg: first,
      business,
      vendorCompany: vendor.company,
      cost: firstCost,
      committed,
      document: quotationPdf('journey'),
    });
    await screenshot(page, 'check-your-answers.png');
    const split = expectedSplit(firstCost, committed);
    // The programme pays half, rounded down to the cent, capped at HK$50,000.
    expect(split.programme).toBe(Math.min(Math.floor(firstCost / 2), CAP_CENTS));
    await submitAndCheck(page, ref, split);
    await screenshot(page, 'application-submitted.png');
    committed += split.programme;
    submitted.push({ ref, pkg: first, split });

    // The enquiry now points at the application instead of offering to apply again.
    await mainNav(page).getByRole('link', { name: 'Enquiries', exact: true }).click();
    await expect(enquiryRow(page, first).getByRole('link', { name: ref })).toBeVisible();
    await expect(enquiryRow(page, first).getByRole('link', { name: 'Apply for funding' })).toHaveCount(0);
  });

  await test.step('more applications in the other categories count against the HK$50,000 ceiling', async () => {
    const reachable = [first, ...morePackages].reduce((sum, pkg) => sum + Math.floor(pkg.fullCents / 2), 0) >= CAP_CENTS;
    test.info().annotations.push({
      type: 'ceiling',
      description: reachable
        ? `The demo vendor's packages in ${morePackages.length + 1} categories reach the ceiling.`
        : `The demo vendor serves ${morePackages.length + 1} categories; their dearest packages add up to ` +
          `${hkd([first, ...morePackages].reduce((sum, pkg) => sum + Math.floor(pkg.fullCents / 2), 0))} of funding, under the ceiling: ` +
          'the remaining headroom is checked on each application form instead of a refusal.',
    });
    if (morePackages.length === 0) return;

    const enquiries: { pkg: PackageInfo; cost: number; message: string; features: number }[] = [];
    for (const pkg of morePackages) {
      const message = `Also interested in ${pkg.name}.`;
      const cost = await sendEnquiry(page, { pkg, business, committed, withFeatures: true, message });
      expect(cost).toBe(pkg.fullCents);
      enquiries.push({ pkg, cost, message, features: pkg.features.length });
    }
    await vendorConfirms(page, { applicant, business, enquiries });

    for (const { pkg, cost } of enquiries) {
      const ref = await applyWithQuotation(page, {
        pkg,
        business,
        vendorCompany: vendor.company,
        cost,
        committed,
        document: quotationPdf(pkg.name),
      });
      const split = expectedSplit(cost, committed);
      if (split.programme === 0) {
        // Nothing left under the ceiling: the draft is saved, but submitting it is refused.
        await page.getByRole('button', { name: 'Submit application' }).click();
        const alert = page.getByRole('main').getByRole('alert');
        await expect(alert.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
        await expect(alert).toContainText('Your business has no funding left under the HK$50,000 ceiling (remaining: HK$0.00).');
        await expect(valueOf(page.getByRole('main'), 'Status')).toHaveText('Draft');
        problems.splice(0, problems.length, ...withoutExpectedStatus(problems, [409]));
        continue;
      }
      // The programme pays what is left when less than half the cost is left.
      await submitAndCheck(page, ref, split);
      committed += split.programme;
      submitted.push({ ref, pkg, split });
    }
    expect(committed).toBe(submitted.reduce((sum, s) => sum + s.split.programme, 0));
    expect(committed).toBeLessThanOrEqual(CAP_CENTS);

    // My applications lists each with the amounts it was given.
    await mainNav(page).getByRole('link', { name: 'Applications', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My applications' })).toBeVisible();
    for (const { ref, split } of submitted) {
      const row = page
        .getByRole('main')
        .getByRole('row')
        .filter({ has: page.getByRole('link', { name: ref }) });
      await expect(row).toContainText('Submitted');
      await expect(row).toContainText(hkd(split.programme));
      await expect(row).toContainText(hkd(split.shop));
    }
  });

  await test.step('withdrawing an application gives its funding back', async () => {
    await expectAccountHeadroom(page, first, committed);
    const last = submitted[submitted.length - 1]!;
    await page.goto(`/applications/${last.ref}`);
    await page.getByText('Withdraw this application', { exact: true }).click();
    await page.getByLabel('Reason (optional)').fill('We chose to wait for the next batch.');
    await page.getByRole('button', { name: 'Withdraw', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/applications/${last.ref}\\?withdrawn=1$`));
    await expect(page.getByRole('main').getByRole('status')).toHaveText('The application has been withdrawn.');
    await expect(valueOf(page.getByRole('main'), 'Status')).toHaveText('Withdrawn');
    const events = timeline(page).getByRole('listitem');
    await expect(events).toHaveCount(3);
    await expect(events.nth(2)).toContainText('Withdrawn');
    await expect(events.nth(2)).toContainText('We chose to wait for the next batch.');
    await expect(page.getByText('Withdraw this application', { exact: true })).toHaveCount(0);
    committed -= last.split.programme;
    submitted.pop();
    await expectAccountHeadroom(page, first, committed);
  });

  await test.step('the application page in Traditional Chinese', async () => {
    const { ref, split } = submitted[0]!;
    await page.goto(`/applications/${ref}`);
    await page.getByRole('button', { name: '繁體中文' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-HK');
    await expect(page).toHaveURL(new RegExp(`/applications/${ref}$`));
    await expect(page.getByRole('heading', { level: 1, name: `申請 ${ref}` })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: '處理紀錄' })).toBeVisible();
    const main = page.getByRole('main');
    await expect(valueOf(main, '狀態')).toHaveText('已提交');
    await expect(valueOf(main, '申請編號')).toHaveText(ref);
    await expect(valueOf(main, '企業')).toHaveText(business.nameZh);
    const events = timeline(page, '處理紀錄').getByRole('listitem');
    await expect(events).toHaveCount(2);
    await expect(events.nth(0)).toContainText('已儲存草稿');
    await expect(events.nth(1)).toContainText('已提交申請');
    await expect(main).toContainText(hkd(split.programme));
    await expect(mainNav(page, '主選單').getByRole('link', { name: `已登入：${applicant.name}` })).toBeVisible();
    await screenshot(page, 'application-zh-HK.png');
  });

  expect(problems).toEqual([]);
});

// ── Without JavaScript ───────────────────────────────────────────────────────────────────────────────────────

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the application form, the vendor inbox and submission work as plain HTML forms', async ({ page, browser, baseURL }) => {
    test.setTimeout(120_000);
    const problems = watchForPageErrors(page);
    const vendor = await demoVendor(browser, baseURL);
    // The cheapest package keeps this shop far from the ceiling.
    const pkg = [...vendor.packages].sort((a, b) => a.basicCents - b.basicCents)[0]!;

    const applicant = await registerApplicant(page, 'NoJS');
    const business = await addBusiness(page, 'NoJS');
    const message = 'Asked without JavaScript.';
    const cost = await sendEnquiry(page, { pkg, business, committed: 0, withFeatures: false, message });
    expect(cost).toBe(pkg.basicCents);
    await vendorConfirms(page, { applicant, business, enquiries: [{ pkg, cost, message, features: 0 }] });

    await openApplyForm(page, pkg, cost);
    const formUrl = page.url();

    await test.step('one declaration left unticked: the form comes back with the problem', async () => {
      const declarations = page.getByRole('group', { name: 'Declarations' });
      const left = DECLARATIONS[3];
      const ticked = DECLARATIONS.filter((declaration) => declaration !== left);
      for (const declaration of ticked) await declarations.getByRole('checkbox', { name: declaration }).check();
      await page.getByLabel('Quotation document').setInputFiles(quotationPdf('nojs'));
      await page.getByRole('button', { name: 'Save and continue' }).click();

      const summary = page.getByRole('alert');
      await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
      // The summary repeats the inline words and links to the first declaration left unticked.
      await expect(summary.getByRole('link', { name: 'Tick every declaration to apply', exact: true })).toHaveAttribute(
        'href',
        '#deploy_within_six_months',
      );
      await expect(declarations.getByText('Tick every declaration to apply')).toBeVisible();
      expect(page.url()).toBe(formUrl);
      // What was ticked stays ticked; the unticked one is still unticked.
      for (const declaration of ticked) await expect(declarations.getByRole('checkbox', { name: declaration })).toBeChecked();
      await expect(declarations.getByRole('checkbox', { name: left })).not.toBeChecked();
    });

    await test.step('tick it, attach the quotation again, save, check and submit', async () => {
      await page.getByRole('group', { name: 'Declarations' }).getByRole('checkbox', { name: DECLARATIONS[3] }).check();
      await page.getByLabel('Quotation document').setInputFiles(quotationPdf('nojs'));
      await page.getByRole('button', { name: 'Save and continue' }).click();
      const reference = new RegExp(`/applications/(DTS-${hongKongYear()}-\\d{6})/check$`);
      await expect(page).toHaveURL(reference);
      const ref = reference.exec(page.url())![1]!;
      await expect(page.getByRole('heading', { level: 1, name: 'Check your answers before submitting' })).toBeVisible();
      await expect(valueOf(page.getByRole('main'), 'Eligible cost')).toHaveText(hkd(cost));
      await expect(valueOf(page.getByRole('main'), 'Programme pays')).toHaveText(hkd(expectedSplit(cost, 0).programme));
      await submitAndCheck(page, ref, expectedSplit(cost, 0));
    });

    // The refused form came back as a 400 page, which the browser notes in the console; nothing else may.
    expect(withoutExpectedStatus(problems, [400])).toEqual([]);
  });
});

// ── Bad input ────────────────────────────────────────────────────────────────────────────────────────────────

test('bad input: a disguised file, someone else’s application and a half-filled business profile', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const problems = watchForPageErrors(page);
  const vendor = await demoVendor(browser, baseURL);
  const pkg = [...vendor.packages].sort((a, b) => a.basicCents - b.basicCents)[0]!;

  const owner = await registerApplicant(page, 'Owner');
  const business = await addBusiness(page, 'Owner');
  const message = 'Please quote.';
  const cost = await sendEnquiry(page, { pkg, business, committed: 0, withFeatures: false, message });
  await vendorConfirms(page, { applicant: owner, business, enquiries: [{ pkg, cost, message, features: 0 }] });

  const { ref, documentHref } = await test.step('an HTML page named quotation.pdf is refused on its content', async () => {
    await openApplyForm(page, pkg, cost);
    const declarations = page.getByRole('group', { name: 'Declarations' });
    for (const declaration of DECLARATIONS) await declarations.getByRole('checkbox', { name: declaration }).check();
    await page.getByLabel('Quotation document').setInputFiles(htmlPretendingToBePdf());
    await page.getByRole('button', { name: 'Save and continue' }).click();

    const summary = page.getByRole('alert');
    await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    await expect(summary.getByRole('link', { name: 'The file must be a PDF, JPEG or PNG', exact: true })).toHaveAttribute(
      'href',
      '#document',
    );
    await expect(page.locator('#document-error')).toHaveText('Error: The file must be a PDF, JPEG or PNG');
    // With JavaScript the summary takes the focus and the title says there is an error.
    await expect(summary).toBeFocused();
    await expect(page).toHaveTitle(/^Error: Apply for funding/);
    await expect(page).toHaveURL(/\/applications\/new\?quotation=\d+$/);
    for (const declaration of DECLARATIONS) await expect(declarations.getByRole('checkbox', { name: declaration })).toBeChecked();
    await page.goto('/applications');
    await expect(page.getByRole('main')).toContainText('You have no applications yet.');

    // The real quotation goes through.
    await openApplyForm(page, pkg, cost);
    for (const declaration of DECLARATIONS)
      await page.getByRole('group', { name: 'Declarations' }).getByRole('checkbox', { name: declaration }).check();
    await page.getByLabel('Quotation document').setInputFiles(quotationPdf('owner'));
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Check your answers before submitting' })).toBeVisible();
    const reference = /\/applications\/(DTS-\d{4}-\d{6})\/check$/.exec(page.url())![1]!;
    const href = await valueOf(page.getByRole('main'), 'Documents').getByRole('link', { name: 'quotation.pdf' }).getAttribute('href');
    expect(href).toMatch(new RegExp(`^/applications/${reference}/documents/\\d+$`));
    return { ref: reference, documentHref: href! };
  });

  await logOut(page);
  await registerApplicant(page, 'Stranger');

  await test.step('another shop owner cannot open the application or its document', async () => {
    const response = await page.goto(`/applications/${ref}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Go to the home page' })).toBeVisible();
    await expect(page.getByText(business.nameEn)).toHaveCount(0);
    await expect(page.getByText(ref)).toHaveCount(0);
    const download = await page.request.get(documentHref);
    expect(download.status()).toBe(404);
  });

  await test.step('a business form with a short BR number and no Yes/No answers shows every problem at once', async () => {
    await page.goto('/businesses/new');
    const typed = { nameEn: `Half Filled Noodles ${uniqueStamp()}`, nameZh: '半填麵家', brNumber: '1234' };
    await fillBusinessForm(page, typed, { answerYesNo: false });
    await page.getByRole('button', { name: 'Save business profile' }).click();

    const summary = page.getByRole('alert');
    await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    const expected: [field: string, label: string, message: string][] = [
      ['brNumber', 'Business Registration number', 'Enter the 8 digits of the Business Registration number'],
      ['isGroupMember', YES_NO_QUESTIONS[0], 'Choose yes or no'],
      ['hasSubstantiveBusiness', YES_NO_QUESTIONS[1], 'Choose yes or no'],
      ['isListedCompany', YES_NO_QUESTIONS[2], 'Choose yes or no'],
      ['isStatutoryBody', YES_NO_QUESTIONS[3], 'Choose yes or no'],
      ['isSubvented', YES_NO_QUESTIONS[4], 'Choose yes or no'],
    ];
    await expect(summary.getByRole('link')).toHaveCount(expected.length);
    // Each link carries the inline words and leads to its own field.
    for (const [field, , text] of expected) await expect(summary.locator(`a[href="#${field}"]`)).toHaveText(text);
    const brNumber = page.getByLabel('Business Registration number', { exact: true });
    await expect(brNumber).toHaveAttribute('aria-invalid', 'true');
    await expect(brNumber).toHaveAccessibleDescription(/Enter the 8 digits of the Business Registration number/);
    for (const question of YES_NO_QUESTIONS) {
      await expect(yesNo(page, question)).toHaveAccessibleDescription(/Choose yes or no/);
      await expect(yesNo(page, question).getByRole('radio', { checked: true })).toHaveCount(0);
    }
    // What was typed is still there.
    await expect(page.getByLabel('Business name in English')).toHaveValue(typed.nameEn);
    await expect(page.getByLabel('Business name in Chinese')).toHaveValue(typed.nameZh);
    await expect(brNumber).toHaveValue('1234');
    await expect(page.getByLabel('Business address in Hong Kong')).toHaveValue('G/F, 12 Tung Choi Street, Mong Kok');
    await expect(page.getByLabel('District', { exact: true })).toHaveValue('yau_tsim_mong');
    await expect(page).toHaveURL(/\/businesses\/new$/);
    await mainNav(page).getByRole('link', { name: 'My businesses' }).click();
    await expect(page.getByRole('main')).toContainText('You have not added a business yet.');
  });

  expect(withoutExpectedStatus(problems, [400, 404])).toEqual([]);
});
