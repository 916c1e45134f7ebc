// After approval, in a real browser: the vendor reports the solution deployed, the shop owner confirms it is in use
// and claims with an invoice and proof of payment, an officer checks the three-way match and prepares the payment,
// and a different officer releases it (maker-checker). Also a claim paid by a person, returned to the shop; and the
// programme dashboard, its CSV export and the public open-data page.
import fs from 'node:fs/promises';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { DEMO, DEMO_PACKAGE, DEMO_PASSWORD, DEMO_VENDOR_COMPANY, OFFICER2_NAME, OFFICER_NAME } from './support/constants';
import { escapeRegExp, hkd, hongKongToday, randomBrNumber, splitForNewShop, toCents, uniqueStamp, type Split } from './support/values';
import { mainNav, nextPost, postForm, rowWithLink, screenshot, timeline, valueOf, withoutExpectedStatus } from './support/page';
import {
  closeOpenContexts,
  logIn,
  newActor as newContextActor,
  officer as demoOfficer,
  registerApplicant,
  type Account,
  type Actor,
} from './support/people';
import {
  addEligibleBusiness,
  confirmEnquiryAtListedPrice,
  followApplyForFunding,
  openDemoPackage,
  saveApplicationDraft,
  submitDraft,
  submitEnquiryForm,
} from './support/steps';

const CHECKS = {
  withinQuotation: 'The invoice is not above the quotation',
  paymentMatches: 'The amount paid equals the invoice',
  afterApproval: 'The invoice is dated on or after approval',
  paidByEnterprise: 'The payment was made by the enterprise itself',
  quotedVendor: 'The invoice is from the quoted solution provider',
} as const;

const PDF = (label: string) => Buffer.from(`%PDF-1.4 ${label}`);

// ── Money, typed the way an invoice prints it ────────────────────────────────────────────────────────────────

/** 1234567 → "12,345.67", the way an invoice prints it (the form accepts commas). */
function typedAmount(cents: number): string {
  return hkd(cents).slice('HK$'.length);
}

// ── Page helpers ─────────────────────────────────────────────────────────────────────────────────────────────

/** The section under an h2 (its parent element), e.g. one of the three tables of the claims page. */
function sectionOf(page: Page, heading: string): Locator {
  return page.getByRole('main').getByRole('heading', { level: 2, name: heading, exact: true }).locator('xpath=..');
}

/** One line of the three-way match on the officer's claim page. */
function checkLine(page: Page, check: string): Locator {
  return page
    .getByRole('heading', { level: 3, name: 'Three-way match' })
    .locator('xpath=following-sibling::ul[1]')
    .getByRole('listitem')
    .filter({ hasText: check });
}

// ── People: each has a browser context of their own, so cookies (session, language) never mix ───────────────

test.afterEach(closeOpenContexts);

/** Everyone here accepts downloads: the dashboard's and the open data's CSV files. */
const DOWNLOADS = { acceptDownloads: true } as const;

/** A new person with a browser context of their own that accepts downloads. */
function newActor(browser: Browser, baseURL: string | undefined): Promise<Actor> {
  return newContextActor(browser, baseURL, DOWNLOADS);
}

/** A demo case officer (officer@ unless told otherwise), logged in, in a context that accepts downloads. */
function officer(browser: Browser, baseURL: string | undefined, email: string = DEMO.officer): Promise<Actor> {
  return demoOfficer(browser, baseURL, email, DOWNLOADS);
}

async function vendor(browser: Browser, baseURL: string | undefined): Promise<Actor> {
  const actor = await newActor(browser, baseURL);
  await logIn(actor.page, DEMO.vendor, DEMO_PASSWORD, /\/vendor$/);
  await expect(actor.page.getByRole('heading', { level: 1, name: 'Vendor portal' })).toBeVisible();
  return actor;
}

/** The vendor's Business Registration number, as its own portal home shows it. */
async function vendorBrNumber(page: Page): Promise<string> {
  await mainNav(page).getByRole('link', { name: 'Vendor portal' }).click();
  await expect(page).toHaveURL(/\/vendor$/);
  const main = page.getByRole('main');
  await expect(valueOf(main, 'Company')).toContainText(DEMO_VENDOR_COMPANY);
  const br = valueOf(main, 'Business Registration number');
  await expect(br).toHaveText(/^\d{8}$/);
  return (await br.innerText()).trim();
}

// ── Setting up an approved application through the UI ───────────────────────────────────────────────────────

type Business = { nameEn: string; nameZh: string; brNumber: string };
type Submitted = { applicant: Actor; account: Account; business: Business; ref: string; split: Split };

/** A Food and Beverage tea house in Sham Shui Po, added for the shop owner logged in on `page`. */
async function addBusiness(page: Page, label: string): Promise<Business> {
  const stamp = uniqueStamp();
  const business = {
    nameEn: `E2E ${label} Tea House Ltd ${stamp}`,
    nameZh: `測試${label}茶餐廳有限公司 ${stamp}`,
    brNumber: randomBrNumber(),
  };
  await addEligibleBusiness(page, {
    ...business,
    employees: '8',
    address: 'Shop 3, G/F, 12 Kweilin Street, Sham Shui Po',
    district: 'Sham Shui Po',
    phone: '2777 4321',
  });
  return business;
}

/**
 * A new shop owner with a Food and Beverage business asks the demo vendor for DEMO_PACKAGE, the vendor (`vendorActor`)
 * quotes the listed price, and the shop owner applies and submits. The shop owner stays logged in on `applicant.page`.
 */
async function submittedApplication(browser: Browser, baseURL: string | undefined, vendorActor: Actor, label: string): Promise<Submitted> {
  const applicant = await newActor(browser, baseURL);
  const { page } = applicant;
  const account = await registerApplicant(page, label, 'e2e-payment');
  const business = await addBusiness(page, label);

  const cost = await test.step('enquire about the package from its page', async () => {
    const price = await openDemoPackage(page);
    await submitEnquiryForm(page, business, `One counter and a kitchen printer, ${label}.`);
    return price;
  });

  await test.step('the demo vendor confirms at the listed price', () =>
    confirmEnquiryAtListedPrice(vendorActor.page, DEMO_PACKAGE, business.nameEn));

  const ref = await test.step('apply for funding with the quotation and submit', async () => {
    await followApplyForFunding(page, DEMO_PACKAGE);
    const found = await saveApplicationDraft(page, { name: 'quotation.pdf', mimeType: 'application/pdf', buffer: PDF('quotation') });
    await submitDraft(page, found);
    return found;
  });

  return { applicant, account, business, ref, split: splitForNewShop(cost) };
}

/** As submittedApplication, then officer@ opens it from the queue, takes it and approves it. */
async function approvedApplication(browser: Browser, baseURL: string | undefined, vendorActor: Actor, label: string): Promise<Submitted> {
  const submitted = await submittedApplication(browser, baseURL, vendorActor, label);
  const { ref, split } = submitted;
  await test.step('officer@ opens it from the queue, takes it and approves it', async () => {
    const officerWong = await officer(browser, baseURL);
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
async function reportDeployed(vendorActor: Actor, ref: string, split: Split) {
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
async function confirmInUse(page: Page, ref: string) {
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

type Claim = { invoiceNumber: string; invoiceDate: string; invoicedCents: number; paidCents: number; paidOn: string; payer: string };

/** The business's bank account the claims below give (Hang Seng: branch 3 digits, account 9). */
const BANK = { bank: '024 Hang Seng Bank', branch: '123', number: '456789012', masked: '024-***-***012' };

/** From "Claim the funding" on the application page to the claim page: the rules first, then the form; sends it. */
async function sendClaim(page: Page, ref: string, claim: Claim) {
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
async function fillClaim(page: Page, claim: Claim) {
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
async function openClaimToCheck(page: Page, ref: string, business: Business, split: Split) {
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

// ── The journey ──────────────────────────────────────────────────────────────────────────────────────

test('deployed, confirmed, claimed, checked, prepared by one officer and released by another: the shop is paid', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const harbour = await vendor(browser, baseURL);
  const vendorBr = await test.step("the vendor's Business Registration number, from its portal home", () => vendorBrNumber(harbour.page));
  const { applicant, business, ref, split } = await approvedApplication(browser, baseURL, harbour, 'Paid');
  const shop = applicant.page;

  await test.step('the shop cannot claim yet: the approval asks for the solution in use by a date', async () => {
    await shop.goto(`/applications/${ref}`);
    const main = shop.getByRole('main');
    await expect(valueOf(main, 'Status')).toHaveText('Approved');
    await expect(main.getByText(/^Put the solution in use by .+; after that the approval lapses/)).toBeVisible();
    await expect(main.getByRole('heading', { level: 2, name: 'Is the solution in use?' })).toHaveCount(0);
    await expect(main.getByRole('heading', { level: 2, name: 'Claim the funding' })).toHaveCount(0);
  });

  await test.step('the vendor reports the solution deployed', () => reportDeployed(harbour, ref, split));

  await test.step('the shop owner is told, and confirms the solution is in use', async () => {
    await mainNav(shop).getByRole('link', { name: 'Notifications' }).click();
    const told = shop
      .getByRole('main')
      .getByRole('listitem')
      .filter({ has: shop.getByRole('heading', { name: `Solution deployed for ${ref}`, exact: true }) });
    await expect(told).toHaveCount(1);
    // Opening it marks it read and leads to the application.
    await told.getByRole('button', { name: `Open: Solution deployed for ${ref}` }).click();
    await expect(shop).toHaveURL(new RegExp(`/applications/${ref}$`));
    await confirmInUse(shop, ref);
  });

  const today = hongKongToday();
  const invoiceNumber = `HPOS-INV-${uniqueStamp()}`;
  await test.step('the shop owner claims: invoice and payment as quoted, paid by the business', () =>
    sendClaim(shop, ref, {
      invoiceNumber,
      invoiceDate: today,
      invoicedCents: split.cost,
      paidCents: split.cost,
      paidOn: today,
      payer: business.nameEn,
    }));

  const officerWong = await officer(browser, baseURL);
  const wong = officerWong.page;
  await test.step('officer@ checks the claim: every check agrees and the programme pays the approved share', async () => {
    await openClaimToCheck(wong, ref, business, split);
    const main = wong.getByRole('main');
    await expect(valueOf(main, 'Status')).toHaveText('Claim submitted');
    await expect(valueOf(main, 'Business')).toHaveText(`${business.nameEn} · ${business.nameZh}`);
    await expect(valueOf(main, 'Solution provider')).toHaveText(`${DEMO_VENDOR_COMPANY} · BR ${vendorBr}`);
    await expect(valueOf(main, 'Quoted cost')).toHaveText(hkd(split.cost));
    await expect(valueOf(main, 'Approved programme share')).toContainText(hkd(split.programme));
    await expect(valueOf(main, 'Invoice number')).toContainText(invoiceNumber);
    await expect(valueOf(main, 'Invoiced amount (HK$)')).toHaveText(
      `${hkd(split.cost)} · Solution provider's Business Registration number: ${vendorBr}`,
    );
    await expect(valueOf(main, 'Amount paid (HK$)')).toContainText(hkd(split.cost));
    await expect(valueOf(main, 'Amount paid (HK$)')).toContainText(business.nameEn);
    await expect(valueOf(main, 'Programme pays on this claim')).toHaveText(hkd(split.programme));
    // The account paid into, masked: officers never see the number.
    await expect(valueOf(main, 'Pay into')).toHaveText(`${BANK.masked} · ${business.nameEn}`);
    await expect(main.getByText(BANK.number)).toHaveCount(0);

    for (const check of Object.values(CHECKS)) {
      const line = checkLine(wong, check);
      await expect(line, check).toHaveCount(1);
      await expect(line.getByText('Agrees', { exact: true }), check).toBeVisible();
    }
    await expect(main.getByText('Does not agree', { exact: true })).toHaveCount(0);

    // The quotation, then the invoice and proof of payment under the claim attempt they came with (as the shop sees
    // them), each downloadable as the PDF that was sent.
    const attempt = main.getByRole('listitem').filter({ has: wong.getByRole('heading', { name: /^Claim 1, sent on / }) });
    await expect(attempt).toContainText('Being checked');
    for (const [name, kind, within] of [
      ['quotation.pdf', '(quotation)', main],
      ['invoice.pdf', '(invoice)', attempt],
      ['bank-slip.pdf', '(proof of payment)', attempt],
    ] as const) {
      const link = within.getByRole('link', { name, exact: true });
      await expect(link).toHaveAttribute('href', new RegExp(`^/officer/applications/${ref}/documents/\\d+$`));
      await expect(within.getByRole('listitem').filter({ has: wong.getByRole('link', { name, exact: true }) })).toHaveText(
        `${name} ${kind}`,
      );
      const file = await wong.request.get((await link.getAttribute('href'))!);
      expect(file.status(), name).toBe(200);
      expect((await file.body()).subarray(0, 5).toString('latin1'), name).toBe('%PDF-');
    }
    await expect(wong.getByRole('link', { name: 'Approve claim' })).toBeVisible();
    await expect(wong.getByText('Every check must agree before the claim can be approved.', { exact: false })).toHaveCount(0);
    await screenshot(wong, 'claim-check.png');
  });

  await test.step('officer@ approves the claim and prepares the payment', async () => {
    await wong.getByRole('link', { name: 'Approve claim' }).click();
    const dialog = wong.getByRole('dialog', { name: `Approve the claim for ${ref}?` });
    await expect(dialog).toContainText(`${hkd(split.programme)} becomes payable to ${business.nameEn}.`);
    await dialog.getByRole('button', { name: 'Yes, approve the claim' }).click();
    await expect(wong).toHaveURL(/\/officer\/claims\?done=approve$/);
    await expect(wong.getByRole('main').getByRole('status')).toHaveText('Claim approved.');
    await expect(rowWithLink(sectionOf(wong, 'Claims to check'), ref)).toHaveCount(0);
    const toPrepare = rowWithLink(sectionOf(wong, 'Approved claims to prepare for payment'), ref);
    await expect(toPrepare).toHaveCount(1);
    await expect(toPrepare.getByRole('cell').nth(2)).toHaveText(hkd(split.programme));

    await toPrepare.getByRole('link', { name: ref, exact: true }).click();
    await expect(wong.getByRole('heading', { level: 1, name: `Claim for ${ref}` })).toBeVisible();
    await expect(valueOf(wong.getByRole('main'), 'Status')).toHaveText('Claim approved');
    await expect(wong.getByRole('link', { name: 'Approve claim' })).toHaveCount(0);
    await expect(wong.getByText('You prepare the payment; a different officer checks and releases it.')).toBeVisible();
    await wong.getByRole('button', { name: 'Prepare payment' }).click();
    await expect(wong).toHaveURL(/\/officer\/claims\?done=prepare$/);
    await expect(wong.getByRole('main').getByRole('status')).toHaveText('Payment prepared. Another officer must release it.');
    await expect(rowWithLink(sectionOf(wong, 'Approved claims to prepare for payment'), ref)).toHaveCount(0);
    const toRelease = rowWithLink(sectionOf(wong, 'Payments waiting for release'), ref);
    await expect(toRelease).toHaveCount(1);
    await expect(toRelease.getByRole('cell').nth(4)).toHaveText(`${OFFICER_NAME} — you (another officer must release it)`);
  });

  await test.step('the officer who prepared the payment cannot release it', async () => {
    await rowWithLink(sectionOf(wong, 'Payments waiting for release'), ref).getByRole('link', { name: ref, exact: true }).click();
    await expect(wong).toHaveURL(new RegExp(`/officer/claims/${ref}$`));
    const payment = wong.getByRole('main').getByRole('heading', { level: 2, name: 'Payment', exact: true }).locator('xpath=..');
    await expect(payment).toContainText(hkd(split.programme));
    await expect(payment).toContainText(`Prepared by ${OFFICER_NAME} on`);
    await expect(payment.getByText('You prepared this payment, so a different officer must release it.')).toBeVisible();
    await expect(wong.getByRole('link', { name: 'Release payment' })).toHaveCount(0);
    await expect(wong.getByRole('button', { name: 'Prepare payment' })).toHaveCount(0);
    // Nor does a hand-made form get round it.
    const release = await postForm(wong, `/officer/claims/${ref}`, { intent: 'release' });
    expect(release.status()).toBe(409);
    expect(await release.text()).toContain('You prepared this payment; a different officer must release it.');
    await wong.reload();
    await expect(valueOf(wong.getByRole('main'), 'Status')).toHaveText('Claim approved');
  });

  const officerLee = await officer(browser, baseURL, DEMO.officer2);
  const lee = officerLee.page;
  await test.step('officer2@ finds the payment waiting for release and releases it', async () => {
    await mainNav(lee).getByRole('link', { name: 'Claims', exact: true }).click();
    await expect(lee).toHaveURL(/\/officer\/claims$/);
    const toRelease = rowWithLink(sectionOf(lee, 'Payments waiting for release'), ref);
    await expect(toRelease).toHaveCount(1);
    await expect(toRelease.getByRole('cell').nth(4)).toHaveText(OFFICER_NAME);
    await toRelease.getByRole('link', { name: ref, exact: true }).click();
    await expect(lee.getByRole('heading', { level: 1, name: `Claim for ${ref}` })).toBeVisible();
    await expect(lee.getByText('You prepared this payment, so a different officer must release it.')).toHaveCount(0);
    await expect(
      lee.getByText('Releasing sends the payment instruction and marks the application as paid. It cannot be undone.'),
    ).toBeVisible();
    await lee.getByRole('link', { name: 'Release payment' }).click();
    const dialog = lee.getByRole('dialog', { name: `Release the payment for ${ref}?` });
    await expect(dialog).toContainText(`${hkd(split.programme)} will be paid to account ${BANK.masked}. This cannot be undone.`);
    await dialog.getByRole('button', { name: 'Yes, release the payment' }).click();
    await expect(lee).toHaveURL(/\/officer\/claims\?done=release$/);
    await expect(lee.getByRole('main').getByRole('status')).toHaveText('Payment released and instruction sent.');
    for (const section of ['Claims to check', 'Approved claims to prepare for payment', 'Payments waiting for release']) {
      await expect(rowWithLink(sectionOf(lee, section), ref), section).toHaveCount(0);
    }

    await lee.goto(`/officer/claims/${ref}`);
    const main = lee.getByRole('main');
    await expect(valueOf(main, 'Status')).toHaveText('Paid');
    const payment = main.getByRole('heading', { level: 2, name: 'Payment', exact: true }).locator('xpath=..');
    await expect(payment).toContainText(`Prepared by ${OFFICER_NAME} on`);
    await expect(payment).toContainText(`Released by ${OFFICER2_NAME} on`);
    await expect(lee.getByRole('link', { name: 'Release payment' })).toHaveCount(0);
    // Released once: a second release is refused.
    const again = await postForm(lee, `/officer/claims/${ref}`, { intent: 'release' });
    expect(again.status()).toBe(409);
    expect(await again.text()).toContain('This payment has already been released.');
  });

  await test.step('the shop owner sees the application paid and the "Payment released" notification', async () => {
    await shop.goto(`/applications/${ref}`);
    const main = shop.getByRole('main');
    await expect(valueOf(main, 'Status')).toHaveText('Paid');
    await expect(valueOf(main, 'Programme pays')).toHaveText(hkd(split.programme));
    await expect(valueOf(main, 'You pay')).toHaveText(hkd(split.shop));
    const paidNote = main.getByRole('region', { name: 'Paid' });
    await expect(paidNote).toContainText(
      new RegExp(`${escapeRegExp(hkd(split.programme))} · paid on .+ · to account ${escapeRegExp(BANK.masked)}`),
    );
    const events = timeline(shop);
    await expect(events.last()).toContainText('Payment released');
    await expect(events.last()).toContainText('now Paid');
    for (const step of ['Vendor reported deployment', 'Shop confirmed the solution is in use', 'Claim submitted', 'Claim approved']) {
      await expect(events.filter({ hasText: step }), step).toHaveCount(1);
    }
    await expect(main.getByRole('heading', { level: 2, name: 'Claim the funding' })).toHaveCount(0);
    await screenshot(shop, 'shop-paid-application.png');

    await mainNav(shop).getByRole('link', { name: 'Notifications' }).click();
    await expect(shop).toHaveURL(/\/notifications$/);
    const items = shop
      .getByRole('main')
      .getByRole('listitem')
      .filter({ has: shop.getByRole('heading', { level: 2 }) });
    const paid = items.filter({ has: shop.getByRole('heading', { name: `Payment released for ${ref}`, exact: true }) });
    await expect(paid).toHaveCount(1);
    await expect(paid).toContainText(`The programme has released ${hkd(split.programme)} for application ${ref}.`);
    await expect(paid.getByRole('button', { name: `Open: Payment released for ${ref}` })).toBeVisible();
    // Newest first: the payment heads the list.
    await expect(items.first()).toContainText(`Payment released for ${ref}`);
    await expect(items.filter({ hasText: `Claim for ${ref} approved` })).toHaveCount(1);
  });

  expect(harbour.problems).toEqual([]);
  expect(applicant.problems).toEqual([]);
  expect(officerWong.problems).toEqual([]);
  expect(officerLee.problems).toEqual([]);
});

// ── A claim paid by a person ─────────────────────────────────────────────────────────────────────────────────

test('a claim paid by a person does not agree, cannot be approved, and is returned to the shop with a note', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const harbour = await vendor(browser, baseURL);
  const { applicant, business, ref, split } = await approvedApplication(browser, baseURL, harbour, 'Returned');
  const shop = applicant.page;
  await test.step('deployed and confirmed', async () => {
    await reportDeployed(harbour, ref, split);
    await confirmInUse(shop, ref);
  });

  const today = hongKongToday();
  await test.step("the shop owner claims with the owner's own name as the payer", () =>
    sendClaim(shop, ref, {
      invoiceNumber: `HPOS-INV-${uniqueStamp()}`,
      invoiceDate: today,
      invoicedCents: split.cost,
      paidCents: split.cost,
      paidOn: today,
      payer: 'Chan Tai Man',
    }));

  const officerWong = await officer(browser, baseURL);
  const wong = officerWong.page;
  const note = `The payment was made from a personal account. Please pay from the business account, or send the business's bank record (${uniqueStamp()}).`;
  await test.step('the officer sees "Does not agree" for the payer, and "Approve claim" is disabled', async () => {
    await openClaimToCheck(wong, ref, business, split);
    const main = wong.getByRole('main');
    await expect(valueOf(main, 'Amount paid (HK$)')).toContainText('Chan Tai Man');
    const payer = checkLine(wong, CHECKS.paidByEnterprise);
    await expect(payer.getByText('Does not agree', { exact: true })).toBeVisible();
    await expect(payer.getByText('Agrees', { exact: true })).toHaveCount(0);
    for (const check of [CHECKS.withinQuotation, CHECKS.paymentMatches, CHECKS.afterApproval, CHECKS.quotedVendor]) {
      await expect(checkLine(wong, check).getByText('Agrees', { exact: true }), check).toBeVisible();
    }
    await expect(main.getByText('Does not agree', { exact: true })).toHaveCount(1);
    await expect(main.getByText('Every check must agree before the claim can be approved. Return it to the shop instead.')).toBeVisible();
    await expect(wong.getByRole('link', { name: 'Approve claim' })).toHaveCount(0);
    await screenshot(wong, 'claim-check-does-not-agree.png');

    // A hand-made approval is refused too, and the claim stays to check.
    const approve = await postForm(wong, `/officer/claims/${ref}`, { intent: 'approve' });
    expect(approve.status()).toBe(409);
    expect(await approve.text()).toContain('Not every check agrees, so the claim cannot be approved.');
    await wong.reload();
    await expect(valueOf(main, 'Status')).toHaveText('Claim submitted');
  });

  await test.step('returned to the shop with a note (and not without one)', async () => {
    const refused = nextPost(wong);
    await wong.getByRole('button', { name: 'Return to the shop' }).click();
    expect((await refused).status()).toBe(400);
    await expect(wong.getByRole('main').getByRole('alert')).toContainText('Write what the shop must correct');
    await expect(valueOf(wong.getByRole('main'), 'Status')).toHaveText('Claim submitted');

    await wong.getByLabel('What the shop must correct').fill(note);
    await wong.getByRole('button', { name: 'Return to the shop' }).click();
    await expect(wong).toHaveURL(/\/officer\/claims\?done=return$/);
    await expect(wong.getByRole('main').getByRole('status')).toHaveText('Claim returned to the shop.');
    for (const section of ['Claims to check', 'Approved claims to prepare for payment', 'Payments waiting for release']) {
      await expect(rowWithLink(sectionOf(wong, section), ref), section).toHaveCount(0);
    }
  });

  await test.step('the shop sees "Claim returned" with the reason on top, and claims again with its values kept', async () => {
    await shop.goto(`/applications/${ref}`);
    const main = shop.getByRole('main');
    await expect(valueOf(main, 'Status')).toHaveText('Claim returned');
    await expect(main.getByRole('region', { name: 'Your claim was returned' })).toContainText(note);
    const last = timeline(shop).last();
    await expect(last).toContainText('Claim returned');
    await expect(last).toContainText(note);
    await expect(main.getByRole('heading', { level: 2, name: 'Correct and send your claim again' })).toBeVisible();
    await main.getByRole('link', { name: 'Correct the claim' }).click();
    await expect(shop).toHaveURL(new RegExp(`/applications/${ref}/claim$`));
    await expect(main.getByRole('region', { name: 'Your claim was returned' })).toContainText(note);
    await expect(main.getByLabel('Paid by', { exact: true })).toHaveValue('Chan Tai Man');
    await expect(main.getByLabel('Account number')).toHaveValue(BANK.number);
    await expect(main.getByRole('button', { name: 'Send claim' })).toBeEnabled();
    await screenshot(shop, 'shop-claim-returned.png');

    await shop.goto('/notifications');
    const returned = shop
      .getByRole('main')
      .getByRole('listitem')
      .filter({ has: shop.getByRole('heading', { name: `Claim for ${ref} returned`, exact: true }) });
    await expect(returned).toHaveCount(1);
    await expect(returned).toContainText(note);
  });

  expect(harbour.problems).toEqual([]);
  expect(applicant.problems).toEqual([]);
  expect(withoutExpectedStatus(officerWong.problems, [400])).toEqual([]);
});

// ── The programme dashboard, its CSV and the public open data ───────────────────────────────────────────────

const CHART_TITLES = [
  'Applications by status',
  'Applications by sector',
  'Applications by solution category',
  'Median days from submission to decision, by sector',
  'Median days from submission to decision, by solution category',
  'Median days from approval to payment, by sector',
  'Median days from approval to payment, by solution category',
] as const;
const BUDGET_CHART = 'Programme money against the budget';

/** An SVG chart by the start of its accessible name: "<title>. <label>: <value>; …". */
function chart(page: Page, title: string): Locator {
  return page.getByRole('img', { name: new RegExp(`^${escapeRegExp(title)}\\. `) });
}

const CSV_HEADER =
  'reference,status,status_label,business_name_en,business_name_zh,sector,sector_label,district,district_label,category,category_label,cost_hkd,programme_hkd,submitted_at_hkt,working_days_waiting,sla_breached,assigned_officer';

test('the dashboard draws its charts and exports the queue as CSV; the open data names no application', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const harbour = await vendor(browser, baseURL);
  // Submitted and not yet decided: in the queue, so in its export.
  const { business, ref, split } = await submittedApplication(browser, baseURL, harbour, 'Dashboard');

  const officerWong = await officer(browser, baseURL);
  const page = officerWong.page;
  await test.step('officer@ opens the dashboard: every chart is an SVG image with a name that says its figures', async () => {
    await mainNav(page).getByRole('link', { name: 'Dashboard' }).click();
    await expect(page).toHaveURL(/\/officer\/dashboard$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Programme dashboard' })).toBeVisible();
    for (const title of [...CHART_TITLES, BUDGET_CHART]) {
      const image = chart(page, title);
      await expect(image, title).toHaveCount(1);
      await expect(image, title).toBeVisible();
      expect(await image.evaluate((node) => node.tagName.toLowerCase()), title).toBe('svg');
      expect((await image.boundingBox())?.width ?? 0, title).toBeGreaterThan(100);
    }
    await expect(page.getByRole('main').getByRole('img')).toHaveCount(CHART_TITLES.length + 1);
    // The application just submitted is counted.
    const byStatus = (await chart(page, 'Applications by status').getAttribute('aria-label'))!;
    const submitted = /^Applications by status\. Submitted: (\d+);/.exec(byStatus);
    expect(submitted, byStatus).not.toBeNull();
    expect(Number(submitted![1])).toBeGreaterThanOrEqual(1);
    await expect(chart(page, 'Applications by sector')).toHaveAttribute('aria-label', /Food and Beverage: [1-9]\d*(;|$)/);
    await expect(chart(page, 'Applications by solution category')).toHaveAttribute(
      'aria-label',
      /E-payment and in-store sales \(POS\): [1-9]\d*(;|$)/,
    );
    await expect(chart(page, 'Applications by status').locator('rect.chart-bar')).toHaveCount(12); // every status but draft
    await screenshot(page, 'officer-dashboard.png');
  });

  await test.step('"Download CSV" downloads the queue: the header first, and the new application in it', async () => {
    const link = page.getByRole('link', { name: 'Download CSV' });
    await expect(link).toHaveAttribute('href', '/officer/export.csv');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(`matchfund-applications-${hongKongToday()}.csv`);
    const text = await fs.readFile(await download.path(), 'utf8');
    const lines = text.replace(/^\uFEFF/, '').split('\r\n');
    // Every text cell is quoted (a `;` or a leading `=` can never split or run as a formula in a spreadsheet).
    expect(lines[0]).toBe(
      CSV_HEADER.split(',')
        .map((name) => `"${name}"`)
        .join(','),
    );
    const row = lines.find((line) => line.startsWith(`"${ref}",`));
    expect(row, `a line for ${ref}`).toBeDefined();
    expect(row).toContain(`,"submitted","Submitted","${business.nameEn}","${business.nameZh}","fnb","Food and Beverage",`);
    const amount = (cents: number) => `"?${(cents / 100).toFixed(2).replace('.', '\\.')}"?`;
    expect(row).toMatch(new RegExp(`,${amount(split.cost)},${amount(split.programme)},`));
  });

  await test.step('/open-data works logged out and shows no reference numbers or business names', async () => {
    const visitor = await newActor(browser, baseURL);
    const open = visitor.page;
    const response = await open.goto('/open-data');
    expect(response?.status()).toBe(200);
    await expect(open).toHaveURL(/\/open-data$/);
    await expect(open.getByRole('heading', { level: 1, name: 'Open data: programme statistics' })).toBeVisible();
    await expect(open.getByRole('heading', { level: 2, name: "How we protect businesses' privacy" })).toBeVisible();
    await expect(mainNav(open).getByRole('link', { name: 'Log in' })).toBeVisible(); // nobody is signed in
    for (const title of CHART_TITLES) await expect(chart(open, title), title).toBeVisible();
    await expect(open.getByText('DTS-')).toHaveCount(0);
    const html = await open.content(); // the markup and the data sent for hydration, not just the visible text
    expect(html).not.toContain('DTS-');
    expect(html).not.toContain(business.nameEn);
    expect(html).not.toContain(business.brNumber);
    await screenshot(open, 'open-data.png');

    // Its CSV, also public: aggregates only.
    const link = open.getByRole('link', { name: 'Download these figures (CSV)' });
    const [download] = await Promise.all([open.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(`matchfund-open-data-${hongKongToday()}.csv`);
    const lines = (await fs.readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('"measure","group","value"');
    // The budget, the one figure never hidden, agrees with the page.
    const budgetText = await open
      .getByRole('main')
      .getByRole('listitem')
      .filter({ hasText: /^HK\$[\d,.]+\s*Programme budget$/ })
      .innerText();
    const budget = (toCents(budgetText) / 100).toFixed(2).replace('.', '\\.');
    expect(
      lines.some((line) => new RegExp(`^"budget_hkd","all","?${budget}"?$`).test(line)),
      'the budget line',
    ).toBe(true);
    const csv = lines.join('\n');
    expect(csv).not.toContain('DTS-');
    expect(csv).not.toContain(business.nameEn);
    expect(visitor.problems).toEqual([]);
  });

  expect(harbour.problems).toEqual([]);
  expect(officerWong.problems).toEqual([]);
});
