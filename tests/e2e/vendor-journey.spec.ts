// The solution provider's side in a real browser: registering, applying to enrol and being approved by a case
// officer, listing a package in three languages, vetting against the category's basic requirements, and the package
// in the catalogue in English, Traditional and Simplified Chinese; a price change as a new version that waits for
// vetting while the old price stays listed; and bad input refused field by field, with nothing written.
import { MONTHS } from './support/constants';
import { expect, test } from './support/fixtures';
import { escapeRegExp, hkd, type Split, splitForNewShop, toCents, uniqueStamp } from './support/values';
import { mainNav, nextPost, postForm, screenshot, valueOf, withoutExpectedStatus } from './support/page';
import {
  approveVersion,
  type Category,
  CEILING_CENTS,
  checklist,
  enrolledVendor,
  expectCardSplit,
  expectFieldError,
  expectRefused,
  fillPackageForm,
  listedPackage,
  newPackage,
  openForVetting,
  openNewPackageForm,
  type Package,
  priceLineEn,
  queueRow,
  REQUIREMENTS,
  saveDraft,
  searchCatalogue,
  submitForVetting,
  vendorRow,
} from './support/listings';
import { card } from './support/catalogue';

// ── The journey ──────────────────────────────────────────────────────────────────────────────────────

test('a new vendor enrols, lists a monthly package in three languages, and it is vetted into the catalogue', async ({
  officer: officerWong,
  people,
}) => {
  test.setTimeout(180_000);
  const vendor = await enrolledVendor(people, officerWong, 'Journey');
  const { page, company } = vendor;
  const category: Category = 'Customer management and loyalty/discount';
  const pkg = newPackage('Journey', category, {
    model: 'monthly',
    price: '388.50',
    days: '45',
    feature: { nameEn: 'Thermal receipt printer', nameZh: '熱敏收據打印機', price: '1234.57', model: 'one_off' },
  });
  const priceCents = toCents(pkg.price);
  const featureCents = toCents(pkg.feature!.price);
  // 24 months counted: HK$388.50 × 24 = HK$9,324.00; the programme pays HK$4,662.00 and the shop HK$4,662.00.
  const basic = splitForNewShop(priceCents * MONTHS);
  expect(basic).toEqual({ cost: 932_400, programme: 466_200, shop: 466_200 });
  // With the printer: HK$10,558.57, of which the programme pays half rounded down to the cent.
  const withFeature = splitForNewShop(priceCents * MONTHS + featureCents);
  expect(withFeature).toEqual({ cost: 1_055_857, programme: 527_928, shop: 527_929 });

  let solutionId = 0;
  await test.step('the vendor fills in the package form and saves a draft', async () => {
    await page.goto('/vendor/listings');
    await expect(page.getByRole('heading', { level: 1, name: 'My packages' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('You have not listed any packages yet.');
    await openNewPackageForm(page);
    await expect(page.getByRole('main')).toContainText(
      'a one-off basic package costs at most HK$100,000; a subscription is priced monthly and 24 months cost at most HK$100,000',
    );
    await fillPackageForm(page, pkg);
    await screenshot(page, 'vendor-package-form.png');
    solutionId = await saveDraft(page);

    const main = page.getByRole('main');
    await expect(main).toContainText(`${category} · Food and Beverage · Draft`);
    await expect(main.getByRole('heading', { level: 2, name: 'Version 1: Draft, not yet submitted' })).toBeVisible();
    await expect(valueOf(main, 'Package')).toHaveText(pkg.nameEn);
    await expect(valueOf(main, 'Price')).toHaveText(priceLineEn('monthly', priceCents));
    await expect(valueOf(main, 'Deployment')).toHaveText('Ready to use within 45 days');
    await expect(valueOf(main, 'Optional features')).toHaveText(pkg.feature!.nameEn);
    // The draft can still be edited; the form shows what was saved, prices as typed in dollars and cents.
    await expect(main.getByRole('heading', { level: 2, name: 'Edit the draft' })).toBeVisible();
    await expect(page.getByLabel('Basic package price (HK$)', { exact: true })).toHaveValue('388.50');
    await expect(page.getByLabel('Feature 1: price (HK$)', { exact: true })).toHaveValue('1234.57');
    await expect(page.getByLabel('Package name in Simplified Chinese (optional)', { exact: true })).toHaveValue(pkg.nameZhCn);
    // Not in the catalogue yet.
    const hidden = await page.request.get(`/solutions/${solutionId}`);
    expect(hidden.status()).toBe(404);
  });

  await test.step('the vendor submits it for vetting', async () => {
    await submitForVetting(page);
    const row = vendorRow(page, pkg.nameEn);
    await expect(row).toHaveCount(1);
    await expect(row.getByRole('cell')).toHaveText([
      pkg.nameEn,
      category,
      'Food and Beverage',
      '—',
      'Waiting for vetting',
      'Waiting for vetting',
    ]);
    await page.goto(`/vendor/listings/${solutionId}`);
    await expect(page.getByRole('main').getByRole('heading', { level: 2, name: 'Version 1: Waiting for vetting' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('A case officer is vetting this version. You can edit again once it is decided.');
    await expect(page.getByRole('button', { name: 'Save draft' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Submit for vetting' })).toHaveCount(0);
  });

  await test.step('the officer finds it in the vetting queue and reads the vetting page', async () => {
    const officerPage = officerWong.page;
    await mainNav(officerPage).getByRole('link', { name: 'Listings to vet' }).click();
    await expect(officerPage).toHaveURL(/\/officer\/listings$/);
    await expect(officerPage.getByRole('main').getByRole('columnheader')).toHaveText([
      'Package',
      'Solution provider',
      'Type',
      'Category',
      'Sector',
      'Price',
      'Sent for vetting on',
    ]);
    const row = queueRow(officerPage, pkg.nameEn);
    await expect(row).toHaveCount(1);
    const cells = row.getByRole('cell');
    await expect(cells.nth(1)).toHaveText(company.nameEn);
    await expect(cells.nth(2)).toHaveText('New package');
    await expect(cells.nth(3)).toHaveText(category);
    await expect(cells.nth(4)).toHaveText('Food and Beverage');
    await expect(cells.nth(5)).toHaveText(priceLineEn('monthly', priceCents));

    await openForVetting(officerPage, pkg.nameEn);
    const main = officerPage.getByRole('main');
    await expect(valueOf(main, 'Solution provider')).toContainText(company.nameEn);
    await expect(valueOf(main, 'Solution provider')).toContainText(
      `Business Registration number: ${company.brNumber} · Enrolment: Enrolled`,
    );
    await expect(valueOf(main, 'Category')).toHaveText(category);
    await expect(valueOf(main, 'Sector')).toHaveText('Food and Beverage');
    await expect(valueOf(main, 'Version')).toHaveText('1 · New package');
    await expect(valueOf(main, 'Status')).toHaveText('Waiting for vetting');

    const english = main.getByRole('region', { name: 'English' });
    await expect(valueOf(english, 'Package name')).toHaveText(pkg.nameEn);
    await expect(valueOf(english, 'Description')).toHaveText(pkg.descriptionEn);
    await expect(valueOf(english, 'What the shop receives')).toHaveText(pkg.deliverablesEn);
    const traditional = main.getByRole('region', { name: 'Traditional Chinese' });
    await expect(valueOf(traditional, 'Package name')).toHaveText(pkg.nameZhHk);
    await expect(valueOf(traditional, 'Description')).toHaveText(pkg.descriptionZhHk);
    await expect(valueOf(traditional, 'What the shop receives')).toHaveText('Not given');
    const simplified = main.getByRole('region', { name: 'Simplified Chinese' });
    await expect(valueOf(simplified, 'Package name')).toHaveText(pkg.nameZhCn);
    // No Simplified description was typed: the Traditional one stands in, as the form's hint says.
    await expect(valueOf(simplified, 'Description')).toHaveText(pkg.descriptionZhHk);

    await expect(valueOf(main, 'Basic package')).toHaveText(priceLineEn('monthly', priceCents));
    await expect(valueOf(main, 'Deployment')).toHaveText('Ready to use within 45 days');
    const featureRow = main.getByRole('row').filter({ hasText: pkg.feature!.nameEn });
    await expect(featureRow.getByRole('cell')).toHaveText([
      pkg.feature!.nameEn,
      pkg.feature!.nameZh,
      pkg.feature!.nameZh,
      priceLineEn('one_off', featureCents),
    ]);
    await expect(valueOf(main, 'Eligible cost of the basic package')).toHaveText(hkd(basic.cost));
    await expect(valueOf(main, 'Price ceiling')).toHaveText(hkd(CEILING_CENTS));
    await expect(main).toContainText('This is a new package: nothing is listed yet.');
    await expect(main).toContainText('No price warnings.');

    const list = checklist(officerPage, category);
    await expect(list.getByRole('checkbox')).toHaveCount(REQUIREMENTS[category].length);
    for (const requirement of REQUIREMENTS[category]) await list.getByRole('checkbox', { name: requirement, exact: true }).check();
    await officerPage.getByLabel('Note for the record (optional)').fill('Demo seen; points and coupons work.');
    await screenshot(officerPage, 'officer-vetting.png');
    await officerPage.getByRole('button', { name: 'Approve and list' }).click();
    await expect(officerPage).toHaveURL(/\/officer\/listings\?done=approve$/);
    await expect(main.getByRole('status')).toHaveText('Approved. The package is now listed in the catalogue.');
    await expect(queueRow(officerPage, pkg.nameEn)).toHaveCount(0);
  });

  await test.step('the vendor sees it listed', async () => {
    await page.goto('/vendor/listings');
    const row = vendorRow(page, pkg.nameEn);
    await expect(row.getByRole('cell')).toHaveText([
      pkg.nameEn,
      category,
      'Food and Beverage',
      priceLineEn('monthly', priceCents),
      'Listed',
      '—',
    ]);
    await row.getByRole('link', { name: pkg.nameEn }).click();
    const main = page.getByRole('main');
    await expect(main).toContainText(`${category} · Food and Beverage · Listed`);
    await expect(main.getByRole('heading', { level: 2, name: 'In the catalogue now (version 1)' })).toBeVisible();
    await expect(main.getByText("Case officer's note:")).toBeVisible();
    await expect(main).toContainText('Demo seen; points and coupons work.');
    await expect(main.getByRole('link', { name: 'See it in the catalogue' })).toHaveAttribute('href', `/solutions/${solutionId}`);
    await expect(main.getByRole('listitem').filter({ hasText: 'Approved and listed' })).toHaveCount(1);
  });

  const visitor = await people.visitor();
  const shop = visitor.page;
  await test.step('anyone finds it in the catalogue by name, with its price and the programme/shop split', async () => {
    const found = await searchCatalogue(shop, pkg.nameEn, pkg.nameEn);
    await expect(shop.getByRole('main').getByRole('status')).toHaveText('Packages found: 1');
    await expect(found.getByText(category, { exact: true })).toBeVisible();
    await expect(found.getByText('Food and Beverage', { exact: true })).toBeVisible();
    await expect(found.getByText(company.nameEn, { exact: true })).toBeVisible();
    await expect(found.getByText(priceLineEn('monthly', priceCents), { exact: true })).toBeVisible();
    await expectCardSplit(found, basic);
  });

  await test.step('its page in English: price, 24-month total, provider, feature, and the calculator', async () => {
    await card(shop, pkg.nameEn).getByRole('link', { name: pkg.nameEn }).click();
    await expect(shop).toHaveURL(new RegExp(`/solutions/${solutionId}$`));
    await expect(shop.getByRole('heading', { level: 1, name: pkg.nameEn })).toBeVisible();
    const main = shop.getByRole('main');
    await expect(main.getByText(pkg.descriptionEn, { exact: true })).toBeVisible();
    const region = shop.getByRole('region', { name: 'Basic package' });
    await expect(valueOf(region, 'Price')).toHaveText(priceLineEn('monthly', priceCents));
    await expect(valueOf(region, 'Subscription over 24 months')).toHaveText(hkd(basic.cost));
    await expect(valueOf(region, 'Deployment')).toHaveText('Ready to use within 45 days');
    await expect(valueOf(region, 'Solution provider')).toContainText(company.nameEn);
    await expect(valueOf(region, 'Solution provider')).toContainText(`${company.phone} · ${company.email}`);
    await expect(region.getByRole('row', { name: new RegExp(`^${escapeRegExp(pkg.feature!.nameEn)}`) }).getByRole('cell')).toHaveText([
      pkg.feature!.nameEn,
      priceLineEn('one_off', featureCents),
    ]);
    const result = shop.getByTestId('calculator-result');
    await expect(valueOf(result, 'Eligible cost')).toHaveText(hkd(basic.cost));
    await expect(valueOf(result, 'Programme pays')).toHaveText(hkd(basic.programme));
    await expect(valueOf(result, 'You pay')).toHaveText(hkd(basic.shop));
    await shop.getByRole('checkbox', { name: pkg.feature!.nameEn }).check();
    await expect(valueOf(result, 'Eligible cost')).toHaveText(hkd(withFeature.cost));
    await expect(valueOf(result, 'Programme pays')).toHaveText(hkd(withFeature.programme));
    await expect(valueOf(result, 'You pay')).toHaveText(hkd(withFeature.shop));
    await expect(result).toContainText(`You pay ${hkd(withFeature.shop)}. The programme pays ${hkd(withFeature.programme)}.`);
  });

  await test.step('繁體中文: the Traditional name and description, and the catalogue search by the Chinese name', async () => {
    await shop.getByRole('button', { name: '繁體中文' }).click();
    await expect(shop.locator('html')).toHaveAttribute('lang', 'zh-HK');
    await expect(shop).toHaveURL(new RegExp(`/solutions/${solutionId}\\?`));
    await expect(shop.getByRole('heading', { level: 1, name: pkg.nameZhHk })).toBeVisible();
    const main = shop.getByRole('main');
    await expect(main.getByText(pkg.descriptionZhHk, { exact: true })).toBeVisible();
    await expect(main.getByText(pkg.nameEn)).toHaveCount(0);
    await expect(main.getByText('客戶管理及優惠系統', { exact: true })).toBeVisible();
    await expect(main.getByText('餐飲', { exact: true })).toBeVisible();
    const region = shop.getByRole('region', { name: '基本套餐' });
    await expect(valueOf(region, '價格')).toHaveText(
      `每月 ${hkd(priceCents)}，最短合約期 24 個月（按 24 個月計算，合共 ${hkd(basic.cost)}）`,
    );
    await expect(valueOf(region, '24 個月的月費總額')).toHaveText(hkd(basic.cost));
    await expect(valueOf(region, '安裝及啟用')).toHaveText('45 日內可投入使用');
    await expect(valueOf(region, '方案供應商')).toContainText(company.nameZhHk);
    await expect(region.getByRole('cell', { name: pkg.feature!.nameZh, exact: true })).toBeVisible();
    // The calculator kept the ticked feature across the switch.
    await expect(valueOf(shop.getByTestId('calculator-result'), '計劃資助金額')).toHaveText(hkd(withFeature.programme));
    await screenshot(shop, 'catalogue-package-page-zh-HK.png');

    const found = await searchCatalogue(shop, pkg.nameZhHk, pkg.nameZhHk, { search: '按名稱搜尋', apply: '顯示套餐' });
    await expect(shop.locator('html')).toHaveAttribute('lang', 'zh-HK');
    await expect(shop.getByRole('main').getByRole('status')).toHaveText('找到的套餐：1 個');
    await expect(
      found.getByText(`每月 ${hkd(priceCents)}，最短合約期 24 個月（按 24 個月計算，合共 ${hkd(basic.cost)}）`, { exact: true }),
    ).toBeVisible();
    await expect(found.getByText(company.nameZhHk, { exact: true })).toBeVisible();
    await expect(valueOf(found, '合資格費用')).toHaveText(hkd(basic.cost));
    await expect(valueOf(found, '計劃資助金額')).toHaveText(hkd(basic.programme));
    await expect(valueOf(found, '企業自付金額')).toHaveText(hkd(basic.shop));
    await screenshot(shop, 'catalogue-package-zh-HK.png');
  });

  await test.step('简体中文: the Simplified name, with the Traditional description standing in', async () => {
    await card(shop, pkg.nameZhHk).getByRole('link', { name: pkg.nameZhHk }).click();
    await expect(shop.getByRole('heading', { level: 1, name: pkg.nameZhHk })).toBeVisible();
    await shop.getByRole('button', { name: '简体中文' }).click();
    await expect(shop.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(shop).toHaveURL(new RegExp(`/solutions/${solutionId}$`));
    await expect(shop.getByRole('heading', { level: 1, name: pkg.nameZhCn })).toBeVisible();
    const main = shop.getByRole('main');
    await expect(main.getByText(pkg.descriptionZhHk, { exact: true })).toBeVisible();
    await expect(main.getByText('客户管理及优惠系统', { exact: true })).toBeVisible();
    const region = shop.getByRole('region', { name: '基本套餐' });
    await expect(valueOf(region, '价格')).toHaveText(
      `每月 ${hkd(priceCents)}，最短合约期 24 个月（按 24 个月计算，合共 ${hkd(basic.cost)}）`,
    );
    await expect(valueOf(region, '方案供应商')).toContainText(company.nameZhCn);

    // And back to English: the English name again.
    await shop.getByRole('button', { name: 'English' }).click();
    await expect(shop.locator('html')).toHaveAttribute('lang', 'en');
    await expect(shop.getByRole('heading', { level: 1, name: pkg.nameEn })).toBeVisible();
  });

  expect(officerWong.problems).toEqual([]);
  expect(vendor.problems).toEqual([]);
  expect(visitor.problems).toEqual([]);
});

// ── A new version of a listed package ────────────────────────────────────────────────────────────────────────

test('a price change waits for vetting while the old price stays listed; approval needs every requirement ticked', async ({
  officer: officerWong,
  people,
}) => {
  test.setTimeout(180_000);
  const vendor = await enrolledVendor(people, officerWong, 'Versions');
  const { page } = vendor;
  const category: Category = 'Online promotion';
  const pkg = newPackage('Versions', category, { sector: 'Retail (excluding F&B)', model: 'one_off', price: '18800.00', days: '60' });
  pkg.nameEn = `E2E Versions Shopfront Promotion ${uniqueStamp()}`;
  const oldCents = toCents(pkg.price);
  const newPrice = '21450.75';
  const newCents = toCents(newPrice);
  const oldSplit = splitForNewShop(oldCents);
  const newSplit = splitForNewShop(newCents);
  expect(newSplit).toEqual({ cost: 2_145_075, programme: 1_072_537, shop: 1_072_538 });

  const { solutionId, versionId: firstVersionId } = await listedPackage(vendor, officerWong, pkg);
  const visitor = await people.visitor();
  const shop = visitor.page;

  /** The catalogue's card and the package's own page both show this price and split. */
  async function catalogueShows(cents: number, split: Split) {
    const found = await searchCatalogue(shop, pkg.nameEn, pkg.nameEn);
    await expect(found.getByText(priceLineEn('one_off', cents), { exact: true })).toBeVisible();
    await expectCardSplit(found, split);
    await shop.goto(`/solutions/${solutionId}`);
    await expect(valueOf(shop.getByRole('region', { name: 'Basic package' }), 'Price')).toHaveText(priceLineEn('one_off', cents));
    await expect(valueOf(shop.getByTestId('calculator-result'), 'Programme pays')).toHaveText(hkd(split.programme));
  }

  await test.step('listed at the first price', async () => {
    await catalogueShows(oldCents, oldSplit);
  });

  await test.step('the vendor changes the price: a new draft version, the listed one untouched', async () => {
    await page.goto(`/vendor/listings/${solutionId}`);
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { level: 2, name: 'In the catalogue now (version 1)' })).toBeVisible();
    await expect(main.getByRole('heading', { level: 2, name: 'Change the package' })).toBeVisible();
    await expect(main).toContainText(
      'Your changes become a new version. The current one stays in the catalogue until the new one is approved',
    );
    // Category and sector are the package's identity: the change form does not offer them.
    await expect(page.getByLabel('Category', { exact: true })).toHaveCount(0);
    await expect(page.getByLabel('Basic package price (HK$)', { exact: true })).toHaveValue('18800.00');
    await expect(page.getByLabel('Package name in English', { exact: true })).toHaveValue(pkg.nameEn);
    await page.getByLabel('Basic package price (HK$)', { exact: true }).fill(newPrice);
    await saveDraft(page);
    const listed = main.getByRole('heading', { level: 2, name: 'In the catalogue now (version 1)' }).locator('xpath=..');
    await expect(valueOf(listed, 'Price')).toHaveText(priceLineEn('one_off', oldCents));
    const draft = main.getByRole('heading', { level: 2, name: 'Version 2: Draft, not yet submitted' }).locator('xpath=..');
    await expect(valueOf(draft, 'Price')).toHaveText(priceLineEn('one_off', newCents));
    await submitForVetting(page);
    await expect(vendorRow(page, pkg.nameEn).getByRole('cell')).toHaveText([
      pkg.nameEn,
      category,
      'Retail (excluding F&B)',
      priceLineEn('one_off', oldCents),
      'Listed',
      'Waiting for vetting',
    ]);
  });

  await test.step('while the new version waits for vetting, the catalogue still shows the old price', async () => {
    await catalogueShows(oldCents, oldSplit);
  });

  const officerPage = officerWong.page;
  let versionId = 0;
  await test.step('the officer sees a new version with only the price changed', async () => {
    await officerPage.goto('/officer/listings');
    const cells = queueRow(officerPage, pkg.nameEn).getByRole('cell');
    await expect(cells.nth(2)).toHaveText('New version of a listed package (version 2)');
    await expect(cells.nth(5)).toHaveText(priceLineEn('one_off', newCents));
    versionId = await openForVetting(officerPage, pkg.nameEn);
    const main = officerPage.getByRole('main');
    await expect(valueOf(main, 'Version')).toHaveText('2 · New version of a listed package (version 2)');
    await expect(main.getByRole('heading', { level: 2, name: 'What changed from the listed version (version 1)' })).toBeVisible();
    const changes = main.getByRole('table').filter({ has: officerPage.getByRole('columnheader', { name: 'Listed now' }) });
    await expect(changes.getByRole('row', { name: /^Price/ }).getByRole('cell')).toHaveText([
      priceLineEn('one_off', oldCents),
      priceLineEn('one_off', newCents),
      'Changed',
    ]);
    for (const item of [
      'Deployment (days)',
      'Name (English)',
      'Name (Traditional Chinese)',
      'Name (Simplified Chinese)',
      'Optional features',
    ]) {
      await expect(
        changes
          .getByRole('row', { name: new RegExp(`^${escapeRegExp(item)}`) })
          .getByRole('cell')
          .last(),
      ).toHaveText('Same');
    }
    await expect(valueOf(main, 'Eligible cost of the basic package')).toHaveText(hkd(newCents));
  });

  await test.step('approving with one requirement unticked is refused, and nothing changes', async () => {
    const all = REQUIREMENTS[category];
    const left = all[all.length - 1]!;
    const list = checklist(officerPage, category);
    for (const requirement of all.slice(0, -1)) await list.getByRole('checkbox', { name: requirement, exact: true }).check();
    await officerPage.getByLabel('Note for the record (optional)').fill('Price rise checked against the quotation.');
    const refused = nextPost(officerPage);
    await officerPage.getByRole('button', { name: 'Approve and list' }).click();
    expect((await refused).status()).toBe(400);
    await expect(officerPage).toHaveURL(new RegExp(`/officer/listings/${versionId}$`));
    const alert = officerPage.getByRole('main').getByRole('alert');
    await expect(alert.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    await expect(alert.getByRole('link', { name: 'Tick every basic requirement before approving' })).toHaveAttribute(
      'href',
      '#requirement-business_listing_setup',
    );
    // The error sits in the checklist and names what is not ticked yet; the ticks and the note are kept.
    await expect(list).toContainText('Tick every basic requirement before approving');
    await expect(list.getByRole('listitem')).toHaveText([left]);
    for (const requirement of all.slice(0, -1)) await expect(list.getByRole('checkbox', { name: requirement, exact: true })).toBeChecked();
    await expect(list.getByRole('checkbox', { name: left, exact: true })).not.toBeChecked();
    await expect(officerPage.getByLabel('Note for the record (optional)')).toHaveValue('Price rise checked against the quotation.');
    await expect(valueOf(officerPage.getByRole('main'), 'Status')).toHaveText('Waiting for vetting');

    // Nothing changed: still waiting in the queue, the vendor still waiting, the old price still listed.
    await officerPage.reload();
    await expect(valueOf(officerPage.getByRole('main'), 'Status')).toHaveText('Waiting for vetting');
    await officerPage.goto('/officer/listings');
    await expect(queueRow(officerPage, pkg.nameEn)).toHaveCount(1);
    await page.goto('/vendor/listings');
    await expect(vendorRow(page, pkg.nameEn).getByRole('cell').nth(5)).toHaveText('Waiting for vetting');
    await catalogueShows(oldCents, oldSplit);
  });

  await test.step('with every requirement ticked the new version is approved and the catalogue shows the new price', async () => {
    await openForVetting(officerPage, pkg.nameEn);
    await approveVersion(officerPage, category);
    await expect(queueRow(officerPage, pkg.nameEn)).toHaveCount(0);
    await catalogueShows(newCents, newSplit);
    await expect(shop.getByRole('main').getByText(priceLineEn('one_off', oldCents))).toHaveCount(0);

    await page.goto(`/vendor/listings/${solutionId}`);
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { level: 2, name: 'In the catalogue now (version 2)' })).toBeVisible();
    await expect(valueOf(main, 'Price')).toHaveText(priceLineEn('one_off', newCents));
    await expect(main.getByRole('heading', { level: 2, name: /^Version \d+:/ })).toHaveCount(0);
    await expect(page.getByLabel('Basic package price (HK$)', { exact: true })).toHaveValue(newPrice);

    // The replaced version is kept for the record, decided and read-only.
    await officerPage.goto(`/officer/listings/${versionId}`);
    await expect(valueOf(officerPage.getByRole('main'), 'Status')).toHaveText('Approved');
    await officerPage.goto(`/officer/listings/${firstVersionId}`);
    await expect(officerPage.getByRole('heading', { level: 1, name: `Vetting: ${pkg.nameEn}` })).toBeVisible();
    await expect(valueOf(officerPage.getByRole('main'), 'Status')).toHaveText('Replaced by a later version');
    await expect(officerPage.getByRole('button', { name: 'Approve and list' })).toHaveCount(0);
  });

  expect(withoutExpectedStatus(officerWong.problems, [400])).toEqual([]);
  expect(vendor.problems).toEqual([]);
  expect(visitor.problems).toEqual([]);
});

// ── Bad input, field by field ────────────────────────────────────────────────────────────────────────────────

test('bad prices, missing Chinese texts and a second package in the same category and sector are refused; HTML stays text', async ({
  officer: officerWong,
  people,
}) => {
  test.setTimeout(180_000);
  const vendor = await enrolledVendor(people, officerWong, 'BadInput');
  const { page } = vendor;
  const category: Category = 'E-payment and in-store sales (POS)';
  const base = newPackage('BadInput', category, { model: 'one_off', price: '28000.00' });
  base.nameEn = `E2E BadInput Counter POS ${uniqueStamp()}`;

  /** Fills a fresh form with `pkg`, submits, and checks it was refused with 400 and the given field errors. */
  async function refused(pkg: Package, errors: [label: string, id: string, message: string][]) {
    await openNewPackageForm(page);
    await fillPackageForm(page, pkg);
    await expectRefused(page);
    await expect(page).toHaveURL(/\/vendor\/listings\/new$/);
    for (const [label, id, message] of errors) await expectFieldError(page, label, id, message);
    // Only those fields are marked; what was typed is kept.
    await expect(page.locator('[aria-invalid="true"]')).toHaveCount(errors.length);
    await expect(page.getByRole('main').getByRole('alert').getByRole('link')).toHaveCount(errors.length);
    await expect(page.getByLabel('Package name in English', { exact: true })).toHaveValue(pkg.nameEn);
    await expect(page.getByLabel('Basic package price (HK$)', { exact: true })).toHaveValue(pkg.price);
  }

  await test.step('a price with three decimals', async () => {
    await refused({ ...base, price: '28000.125' }, [['Basic package price (HK$)', 'price', 'Enter cents with at most 2 decimal places']]);
  });

  await test.step('a one-off price of HK$100,000.01', async () => {
    await refused({ ...base, price: '100000.01' }, [
      ['Basic package price (HK$)', 'price', 'A one-off basic package may cost at most HK$100,000'],
    ]);
    await expect(
      page.getByRole('group', { name: 'How is the basic package priced?' }).getByRole('radio', { name: 'One-off price' }),
    ).toBeChecked();
  });

  await test.step('a monthly price whose 24 months pass HK$100,000', async () => {
    // HK$4,166.67 × 24 = HK$100,000.08.
    expect(toCents('4166.67') * MONTHS).toBeGreaterThan(CEILING_CENTS);
    await refused({ ...base, model: 'monthly', price: '4166.67' }, [
      [
        'Basic package price (HK$)',
        'price',
        'The fees of this subscription over its counted months (its minimum contract, at most 24) would cost more than HK$100,000',
      ],
    ]);
    await expect(
      page.getByRole('group', { name: 'How is the basic package priced?' }).getByRole('radio', { name: 'Monthly subscription' }),
    ).toBeChecked();
  });

  await test.step('English only: the Chinese name and description are required, the Simplified ones are not', async () => {
    await refused({ ...base, nameZhHk: '', nameZhCn: '', descriptionZhHk: '' }, [
      ['Package name in Chinese', 'nameZhHk', 'Enter a value'],
      ['Description in Chinese', 'descriptionZhHk', 'Enter a value'],
    ]);
    await expect(page.getByLabel('Description in English', { exact: true })).toHaveValue(base.descriptionEn);
  });

  await test.step('nothing was written by any of the refused forms', async () => {
    await page.goto('/vendor/listings');
    await expect(page.getByRole('main')).toContainText('You have not listed any packages yet.');
    await expect(page.getByRole('main').getByRole('table')).toHaveCount(0);
  });

  const html = {
    ...base,
    price: '100000.00',
    descriptionEn: 'Fast <b>bold</b> checkout & <i>receipts</i>',
    deliverablesEn: '<script>window.__injected = true</script>Two terminals',
  };
  let solutionId = 0;
  await test.step('exactly HK$100,000 one-off is accepted, with HTML in the texts', async () => {
    await openNewPackageForm(page);
    await fillPackageForm(page, html);
    solutionId = await saveDraft(page);
    await expect(valueOf(page.getByRole('main'), 'Price')).toHaveText(priceLineEn('one_off', CEILING_CENTS));
    await submitForVetting(page);
  });

  await test.step('the vetting page shows the HTML as typed, as text', async () => {
    const officerPage = officerWong.page;
    await openForVetting(officerPage, html.nameEn);
    const english = officerPage.getByRole('main').getByRole('region', { name: 'English' });
    await expect(valueOf(english, 'Description')).toHaveText(html.descriptionEn);
    await expect(valueOf(english, 'What the shop receives')).toHaveText(html.deliverablesEn);
    await expect(english.locator('b, i, script')).toHaveCount(0);
    expect(await officerPage.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
    // At the ceiling: the officer is warned.
    await expect(officerPage.getByRole('main')).toContainText(
      'Warning: the price is within 5% below the HK$100,000.00 ceiling. Check that it is justified.',
    );
    await approveVersion(officerPage, category);

    const visitor = await people.visitor();
    await visitor.page.goto(`/solutions/${solutionId}`);
    await expect(visitor.page.getByRole('main').getByText(html.descriptionEn, { exact: true })).toBeVisible();
    await expect(visitor.page.getByRole('main').locator('b, i')).toHaveCount(0);
    expect(visitor.problems).toEqual([]);
  });

  await test.step('a second package in the same category and sector', async () => {
    const second = newPackage('BadInput', category, { model: 'monthly', price: '299.00' });
    await refused(second, [['Category', 'category', 'You already have a package in this category for this sector']]);
    await page.goto('/vendor/listings');
    await expect(
      page
        .getByRole('main')
        .getByRole('row')
        .filter({ has: page.getByRole('cell') }),
    ).toHaveCount(1);
    await expect(vendorRow(page, html.nameEn)).toHaveCount(1);
  });

  await test.step('another vendor gets "Page not found" for this vendor\'s package, and cannot change it', async () => {
    const other = await people.vendor();
    const response = await other.page.goto(`/vendor/listings/${solutionId}`);
    expect(response?.status()).toBe(404);
    await expect(other.page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(mainNav(other.page)).toBeVisible(); // the site's own header, not a bare error
    await expect(other.page.getByText(html.nameEn)).toHaveCount(0);
    await expect(other.page.getByLabel('Basic package price (HK$)')).toHaveCount(0);

    // Nor can a hand-made form delist it, edit it or submit it.
    await other.page.goto('/vendor/listings');
    const delist = await postForm(other.page, `/vendor/listings/${solutionId}`, { intent: 'delist' });
    expect(delist.status()).toBe(404);
    const submit = await postForm(other.page, `/vendor/listings/${solutionId}`, { intent: 'submit' });
    expect(submit.status()).toBe(404);
    const edit = await postForm(other.page, `/vendor/listings/${solutionId}`, {
      category: 'e_payment_pos',
      sector: 'fnb',
      nameEn: 'Taken over',
      nameZhHk: '被接管',
      descriptionEn: 'x',
      descriptionZhHk: 'x',
      pricingModel: 'one_off',
      price: '1.00',
      deploymentDays: '10',
    });
    expect(edit.status()).toBe(404);
    expect(withoutExpectedStatus(other.problems, [404])).toEqual([]);

    // The package is as it was.
    await page.goto(`/vendor/listings/${solutionId}`);
    await expect(page.getByRole('main')).toContainText(`${category} · Food and Beverage · Listed`);
    await expect(page.getByRole('main').getByRole('heading', { level: 2, name: /^Version \d+:/ })).toHaveCount(0);
    await expect(valueOf(page.getByRole('main'), 'Package')).toHaveText(html.nameEn);
  });

  expect(officerWong.problems).toEqual([]);
  expect(withoutExpectedStatus(vendor.problems, [400])).toEqual([]);
});
