// The solution provider's side, for the vendor journey: enrolment and its approval, the package form, vetting against
// each category's basic requirements, the catalogue search, and the form's field errors.
import { expect, type Locator, type Page, test } from '@playwright/test';
import { MONTHS } from './constants';
import { escapeRegExp, hkd, randomBrNumber, type Split, uniqueStamp } from './values';
import { mainNav, nextPost, rowWithLink, valueOf } from './page';
import type { Actor, People } from './fixtures';
import { registerAccount } from './people';
import { card } from './catalogue';

export const CEILING_CENTS = 100_000_00; // a one-off basic package, or 24 months of a subscription, at most

// Each category's basic requirements, as the officer's checklist words them.
export const REQUIREMENTS = {
  'E-payment and in-store sales (POS)': [
    'Accepts at least Octopus and FPS',
    'Issues a receipt for every sale (printed or electronic)',
    'Gives a daily sales report',
    'Has a Hong Kong support hotline',
    'Stores sales and payment data securely',
  ],
  'Online promotion': [
    "Sets up the shop's listing on online maps and directories",
    "Sets up the shop's social media pages",
    'Gives regular reports on how the promotion performs',
    'Provides the content in Chinese and English',
  ],
  'Customer management and loyalty/discount': [
    'Lets customers register as members',
    'Supports points or coupons',
    'Handles customer data in line with the Personal Data (Privacy) Ordinance',
    'Reports on the results of promotions',
  ],
} as const;
export type Category = keyof typeof REQUIREMENTS;

/** The needs each category's basic requirements meet, as the listing form words them. */
export const NEEDS: Record<Category, string[]> = {
  'E-payment and in-store sales (POS)': ['Accept e-payments', 'Run the till and keep track of stock'],
  'Online promotion': ['Be found online'],
  'Customer management and loyalty/discount': ['Bring customers back', 'Know your customers'],
};

// ── Money, formatted here independently of the app's code ────────────────────────────────────────────────────

/** The price line every page shows, in English: one-off, or monthly with its minimum contract and counted total. */
export function priceLineEn(model: PricingModel, cents: number, contract = MONTHS): string {
  const counted = Math.min(contract, MONTHS);
  return model === 'monthly'
    ? `${hkd(cents)} a month, minimum contract ${contract} months (${hkd(cents * counted)} over ${counted} months)`
    : `${hkd(cents)} one-off price`;
}

// ── Page helpers ─────────────────────────────────────────────────────────────────────────────────────────────

// ── A solution provider: registration, enrolment, the officer's approval ─────────────────────────────────────

export type Company = {
  nameEn: string;
  nameZhHk: string;
  nameZhCn: string;
  brNumber: string;
  contact: string;
  email: string;
  phone: string;
};
export type Vendor = Actor & { company: Company; accountName: string };

/** A new account registered as a solution provider, on its own browser context; not enrolled yet. */
export async function registerVendor(people: People, label: string): Promise<Vendor> {
  const actor = await people.visitor();
  const { page } = actor;
  const stamp = uniqueStamp();
  const accountName = `E2E Vendor ${label} ${stamp}`;
  const company: Company = {
    nameEn: `E2E ${label} Digital Ltd ${stamp}`,
    nameZhHk: `測試${label}數碼有限公司 ${stamp}`,
    nameZhCn: `测试${label}数码有限公司 ${stamp}`,
    brNumber: randomBrNumber(),
    contact: `Chan Tai Man ${stamp}`,
    email: `e2e-vendor-${label.toLowerCase()}-${stamp}@example.com`,
    phone: '2345 6789',
  };
  await test.step(`register "${accountName}" as a solution provider`, async () => {
    await registerAccount(page, { name: accountName, email: company.email }, { type: 'Solution provider', home: /\/vendor$/ });
    await expect(page.getByRole('heading', { level: 1, name: 'Vendor portal' })).toBeVisible();
  });
  return { ...actor, company, accountName };
}

export async function applyToEnrol(vendor: Vendor) {
  const { page, company } = vendor;
  await test.step('the vendor portal offers enrolment; the vendor applies', async () => {
    await page.goto('/vendor');
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { level: 2, name: 'Enrol as a solution provider' })).toBeVisible();
    await expect(main).toContainText('Your account is not enrolled in the programme yet.');
    // Not enrolled: no packages can be listed yet.
    await page.goto('/vendor/listings');
    await expect(main).toContainText('You can list packages once your enrolment is approved.');
    await expect(main.getByRole('link', { name: 'List a new package' })).toHaveCount(0);
    await page.goto('/vendor');
    await main.getByRole('link', { name: 'Apply to enrol' }).click();
    await expect(page).toHaveURL(/\/vendor\/enrolment$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Enrol as a solution provider' })).toBeVisible();

    await page.getByLabel('Company name in English', { exact: true }).fill(company.nameEn);
    await page.getByLabel('Company name in Chinese', { exact: true }).fill(company.nameZhHk);
    await page.getByLabel('Company name in Simplified Chinese (optional)', { exact: true }).fill(company.nameZhCn);
    await page.getByLabel('Business Registration number', { exact: true }).fill(company.brNumber);
    await page.getByLabel('Contact person', { exact: true }).fill(company.contact);
    await page.getByLabel('Contact email address', { exact: true }).fill(company.email);
    await page.getByLabel('Business phone number', { exact: true }).fill(company.phone);
    await page.getByLabel('Website (optional)', { exact: true }).fill('https://www.example.hk');
    await page.getByLabel('District', { exact: true }).selectOption({ label: 'Kwun Tong' });
    await page
      .getByLabel('Track record in each category and sector', { exact: true })
      .fill('POS and loyalty systems for 40 restaurants in Kowloon since 2018.');
    await page.getByLabel('Reference customers', { exact: true }).fill('Kwun Tong Noodle House (Mr Lee, 2345 0001); Ngau Tau Kok Bakery.');
    await page.getByRole('checkbox', { name: 'I declare that the company has positive net equity.' }).check();
    await page.getByRole('button', { name: 'Send enrolment application' }).click();

    await expect(page).toHaveURL(/\/vendor\?enrolment=submitted$/);
    await expect(main.getByRole('status')).toHaveText('Your enrolment application has been sent. A case officer will decide on it.');
    await expect(valueOf(main, 'Company')).toHaveText(`${company.nameEn} · ${company.nameZhHk}`);
    await expect(valueOf(main, 'Business Registration number')).toHaveText(company.brNumber);
    await expect(valueOf(main, 'Status')).toHaveText('Enrolment pending');
    await expect(main).toContainText('Your enrolment application is waiting for a case officer.');
    // Still pending: the package form sends the vendor back to the portal.
    await page.goto('/vendor/listings/new');
    await expect(page).toHaveURL(/\/vendor$/);
  });
}

export async function approveEnrolment(officerActor: Actor, company: Company) {
  const { page } = officerActor;
  await test.step('the officer checks the enrolment and approves it', async () => {
    await mainNav(page).getByRole('link', { name: 'Vendor enrolment' }).click();
    await expect(page).toHaveURL(/\/officer\/vendors$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Solution provider enrolments' })).toBeVisible();
    const item = page
      .getByRole('main')
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { level: 2, name: company.nameEn }) });
    await expect(item).toHaveCount(1);
    await expect(item.getByRole('heading', { level: 2 })).toContainText(company.nameZhHk);
    await expect(valueOf(item, 'Business Registration number')).toHaveText(company.brNumber);
    await expect(valueOf(item, 'Contact')).toContainText(company.contact);
    await expect(valueOf(item, 'Contact')).toContainText(`${company.email} · ${company.phone}`);
    await expect(valueOf(item, 'Track record')).toHaveText('POS and loyalty systems for 40 restaurants in Kowloon since 2018.');
    await expect(valueOf(item, 'Reference customers')).toContainText('Kwun Tong Noodle House');
    await expect(valueOf(item, 'Net equity declaration')).toHaveText("Declares that the company's net equity is positive");
    await item.getByRole('button', { name: 'Approve enrolment', exact: true }).click();
    await expect(page).toHaveURL(/\/officer\/vendors\?done=approve$/);
    await expect(page.getByRole('main').getByRole('status')).toHaveText('Enrolment approved. The solution provider can now list packages.');
    await expect(page.getByRole('main').getByRole('heading', { level: 2, name: company.nameEn })).toHaveCount(0);
    // It is now among the enrolled ones.
    await page.getByLabel('Show').selectOption({ label: 'Enrolled' });
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await expect(page).toHaveURL(/\/officer\/vendors\?status=enrolled$/);
    await expect(page.getByRole('main').getByRole('heading', { level: 2, name: company.nameEn })).toHaveCount(1);
  });
}

/** A new solution provider, registered, enrolled and approved by the officer. */
export async function enrolledVendor(people: People, officerActor: Actor, label: string): Promise<Vendor> {
  const vendor = await registerVendor(people, label);
  await applyToEnrol(vendor);
  await approveEnrolment(officerActor, vendor.company);
  await test.step('the vendor portal shows the enrolment approved', async () => {
    const { page } = vendor;
    await page.goto('/vendor');
    await expect(valueOf(page.getByRole('main'), 'Status')).toHaveText('Enrolled');
    await expect(page.getByRole('main').getByRole('link', { name: 'My packages' })).toBeVisible();
  });
  return vendor;
}

// ── Packages ─────────────────────────────────────────────────────────────────────────────────────────────────

export type PricingModel = 'one_off' | 'monthly';
export type Feature = { nameEn: string; nameZh: string; price: string; model: PricingModel };
export type Package = {
  category: Category;
  sector: string;
  nameEn: string;
  nameZhHk: string;
  nameZhCn: string;
  descriptionEn: string;
  descriptionZhHk: string;
  deliverablesEn: string;
  model: PricingModel;
  price: string;
  /** Minimum contract in months, typed only for a monthly price. */
  contract: string;
  days: string;
  feature?: Feature;
};

export const MODEL_LABEL: Record<PricingModel, string> = { one_off: 'One-off price', monthly: 'Monthly subscription' };

export function newPackage(label: string, category: Category, overrides: Partial<Package> = {}): Package {
  const stamp = uniqueStamp();
  return {
    category,
    sector: 'Food and Beverage',
    nameEn: `E2E ${label} Loyalty Club ${stamp}`,
    nameZhHk: `測試${label}會員積分計劃 ${stamp}`,
    nameZhCn: `测试${label}会员积分计划 ${stamp}`,
    descriptionEn: 'Members earn points on every bill and get e-coupons by SMS and WhatsApp.',
    descriptionZhHk: '顧客每次消費均可累積積分，並透過短訊及 WhatsApp 收取電子優惠券。',
    deliverablesEn: 'Cloud licence, set-up, two hours of staff training, phone support.',
    model: 'monthly',
    price: '388.50',
    contract: String(MONTHS),
    days: '30',
    ...overrides,
  };
}

/** Fills the package form as the vendor would; a missing text is left empty. */
export async function fillPackageForm(page: Page, pkg: Package, { isNew = true } = {}) {
  if (isNew) {
    await page.getByLabel('Category', { exact: true }).selectOption({ label: pkg.category });
    await page.getByLabel('Sector', { exact: true }).selectOption({ label: pkg.sector });
  }
  await page.getByLabel('Package name in English', { exact: true }).fill(pkg.nameEn);
  await page.getByLabel('Package name in Chinese', { exact: true }).fill(pkg.nameZhHk);
  await page.getByLabel('Package name in Simplified Chinese (optional)', { exact: true }).fill(pkg.nameZhCn);
  await page.getByLabel('Description in English', { exact: true }).fill(pkg.descriptionEn);
  await page.getByLabel('Description in Chinese', { exact: true }).fill(pkg.descriptionZhHk);
  await page.getByLabel('What the shop gets, in English (optional)', { exact: true }).fill(pkg.deliverablesEn);
  await page
    .getByRole('group', { name: 'How is the basic package priced?' })
    .getByRole('radio', { name: MODEL_LABEL[pkg.model], exact: true })
    .check();
  await page.getByLabel('Basic package price (HK$)', { exact: true }).fill(pkg.price);
  await page.getByLabel('Minimum contract (months)', { exact: true }).fill(pkg.model === 'monthly' ? pkg.contract : '');
  await page.getByLabel('Days to deploy', { exact: true }).fill(pkg.days);
  if (isNew) {
    // What the package does for a shop (for the matcher): what its category promises.
    const needs = page.getByRole('group', { name: 'What the package does for a shop' });
    for (const need of NEEDS[pkg.category]) await needs.getByRole('checkbox', { name: need }).check();
    if (pkg.category === 'E-payment and in-store sales (POS)') {
      const methods = page.getByRole('group', { name: 'Payment methods the package accepts' });
      for (const method of ['Octopus', 'FPS (Faster Payment System)'])
        await methods.getByRole('checkbox', { name: method, exact: true }).check();
    }
  }
  if (pkg.feature) {
    await page.getByLabel('Feature 1: name in English', { exact: true }).fill(pkg.feature.nameEn);
    await page.getByLabel('Feature 1: name in Chinese', { exact: true }).fill(pkg.feature.nameZh);
    await page.getByLabel('Feature 1: price (HK$)', { exact: true }).fill(pkg.feature.price);
    await page.getByLabel('Feature 1: priced', { exact: true }).selectOption({ label: MODEL_LABEL[pkg.feature.model] });
    if (pkg.feature.model === 'monthly')
      await page.getByLabel('Feature 1: minimum contract in months (monthly only)', { exact: true }).fill(String(MONTHS));
  }
}

export async function openNewPackageForm(page: Page) {
  await page.goto('/vendor/listings');
  await page.getByRole('main').getByRole('link', { name: 'List a new package' }).click();
  await expect(page).toHaveURL(/\/vendor\/listings\/new$/);
  await expect(page.getByRole('heading', { level: 1, name: 'List a new package' })).toBeVisible();
}

/** Saves the filled form as a draft; returns the package's id. */
export async function saveDraft(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Save draft' }).click();
  const url = /\/vendor\/listings\/(\d+)\?done=draft$/;
  await expect(page).toHaveURL(url);
  await expect(page.getByRole('main').getByRole('status')).toHaveText('Saved as a draft. Submit it for vetting when it is ready.');
  return Number(url.exec(page.url())![1]);
}

export async function submitForVetting(page: Page) {
  await expect(page.getByRole('main')).toContainText(
    "A case officer vets the package against the category's basic requirements before it appears.",
  );
  await page.getByRole('button', { name: 'Submit for vetting' }).click();
  await expect(page).toHaveURL(/\/vendor\/listings\?done=submit$/);
  await expect(page.getByRole('main').getByRole('status')).toHaveText(
    'Submitted for vetting. The listed version stays in the catalogue until the new one is approved.',
  );
}

/** The package's row in the vendor's "My packages". */
export function vendorRow(page: Page, name: string): Locator {
  return rowWithLink(page.getByRole('main'), name);
}

/** The package's row in the officer's vetting queue. */
export function queueRow(page: Page, name: string): Locator {
  return rowWithLink(page.getByRole('main'), name);
}

/** Opens the package's row in the vetting queue; returns the version's id. */
export async function openForVetting(page: Page, name: string): Promise<number> {
  await page.goto('/officer/listings');
  await expect(page.getByRole('heading', { level: 1, name: 'Packages waiting for vetting' })).toBeVisible();
  await expect(queueRow(page, name)).toHaveCount(1);
  await queueRow(page, name).getByRole('link', { name, exact: true }).click();
  const url = /\/officer\/listings\/(\d+)$/;
  await expect(page).toHaveURL(url);
  await expect(page.getByRole('heading', { level: 1, name: `Vetting: ${name}` })).toBeVisible();
  return Number(url.exec(page.url())![1]);
}

export function checklist(page: Page, category: Category): Locator {
  return page.getByRole('group', { name: `Basic requirements: ${category}` });
}

export async function approveVersion(page: Page, category: Category) {
  for (const requirement of REQUIREMENTS[category])
    await checklist(page, category).getByRole('checkbox', { name: requirement, exact: true }).check();
  await page.getByRole('button', { name: 'Approve and list' }).click();
  await expect(page).toHaveURL(/\/officer\/listings\?done=approve$/);
  await expect(page.getByRole('main').getByRole('status')).toHaveText('Approved. The package is now listed in the catalogue.');
}

/** A package drafted, sent for vetting and approved; returns the package's id and its listed version's id. */
export async function listedPackage(vendor: Vendor, officerActor: Actor, pkg: Package): Promise<{ solutionId: number; versionId: number }> {
  return test.step(`"${pkg.nameEn}" is drafted, vetted and listed`, async () => {
    await openNewPackageForm(vendor.page);
    await fillPackageForm(vendor.page, pkg);
    const solutionId = await saveDraft(vendor.page);
    await submitForVetting(vendor.page);
    const versionId = await openForVetting(officerActor.page, pkg.nameEn);
    await approveVersion(officerActor.page, pkg.category);
    return { solutionId, versionId };
  });
}

/** Searches the catalogue by name and returns the package's card. */
export async function searchCatalogue(
  page: Page,
  query: string,
  cardName: string,
  labels = { search: 'Search by name', apply: 'Show packages' },
): Promise<Locator> {
  await page.goto('/solutions');
  await page.getByLabel(labels.search).fill(query);
  await page.getByRole('button', { name: labels.apply }).click();
  await expect(page).toHaveURL(new RegExp(`/solutions\\?q=${escapeRegExp(encodeURIComponent(query).replace(/%20/g, '+'))}`));
  const found = card(page, cardName);
  await expect(found).toHaveCount(1);
  return found;
}

export async function expectCardSplit(found: Locator, split: Split) {
  await expect(valueOf(found, 'Eligible cost')).toHaveText(hkd(split.cost));
  await expect(valueOf(found, 'Programme pays')).toHaveText(hkd(split.programme));
  await expect(valueOf(found, 'You pay')).toHaveText(hkd(split.shop));
}

/** The field's error beside it (aria-invalid, message in its own block) and in the summary, linked to it. */
export async function expectFieldError(page: Page, label: string, id: string, message: string) {
  const field = page.getByLabel(label, { exact: true });
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator(`#${id}-error`)).toContainText(message);
  await expect(field.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " field ")][1]')).toContainText(
    message,
  );
  const summary = page.getByRole('main').getByRole('alert');
  await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  // The summary uses the inline words, linked to the field.
  await expect(summary.locator(`a[href="#${id}"]`)).toHaveText(message);
}

/** Submits the package form, expects it refused with 400, and stays on the form. */
export async function expectRefused(page: Page, button = 'Save draft') {
  const refused = nextPost(page);
  await page.getByRole('button', { name: button }).click();
  expect((await refused).status()).toBe(400);
  await expect(page.getByRole('main').getByRole('alert').getByRole('heading', { name: 'There is a problem' })).toBeVisible();
}
