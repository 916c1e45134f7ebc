// The shop owner's journey through the catalogue in a real browser: account, filters, search, the subsidy
// calculator (with and without JavaScript), the language switch, and bad input that must not break pages.
import { expect, test } from './support/fixtures';
import { PASSWORD } from './support/constants';
import { expectedSplit, toCents, uniqueStamp } from './support/values';
import { mainNav, screenshot, valueOf, watchForPageErrors } from './support/page';
import { logOut, registerAccount } from './support/people';
import { cards, costFromPage, expectCalculatorShows, resultCount } from './support/catalogue';

// ── The journey ──────────────────────────────────────────────────────────────────────────────────────────────

test('a shop owner registers, finds a package, works out the subsidy and switches to Traditional Chinese', async ({ page }) => {
  const problems = watchForPageErrors(page);
  const stamp = uniqueStamp();
  const email = `e2e-${stamp}@example.com`;
  const name = `E2E Shop Owner ${stamp}`;

  await test.step('register as a shop owner and land logged in, on the next step', async () => {
    await registerAccount(page, { name, email });
    await expect(page.getByRole('heading', { level: 1, name: 'Add a business' })).toBeVisible();
    await expect(page.getByRole('status')).toContainText('Your next step: add your business');
    await page.getByRole('link', { name: 'See every step of your application' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText(email);
  });

  await test.step('log out, then log in again with the same account', async () => {
    await logOut(page);
    await expect(mainNav(page).getByText(/Signed in as/)).toHaveCount(0);

    await mainNav(page).getByRole('link', { name: 'Log in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('main').getByRole('button', { name: 'Log in' }).click();
    // Still no business: the login leads to adding one.
    await expect(page).toHaveURL(/\/businesses\/new\?welcome=1$/);
    await expect(mainNav(page).getByRole('link', { name: `Signed in as ${name}` })).toBeVisible();
  });

  await test.step('filter the catalogue by category', async () => {
    await mainNav(page).getByRole('link', { name: 'Solutions catalogue' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Solutions catalogue' })).toBeVisible();
    await expect(resultCount(page)).toHaveText(/^Packages found: \d+$/);
    const before = await resultCount(page).innerText();
    await expect(cards(page)).toHaveCount(12); // a full first page of the whole catalogue

    await page.getByLabel('Category').selectOption({ label: 'Online promotion' });
    await page.getByRole('button', { name: 'Show packages' }).click();
    await expect(page).toHaveURL(/[?&]category=online_promotion(&|$)/);
    await expect(resultCount(page)).not.toHaveText(before);
    await expect(resultCount(page)).toHaveText(/^Packages found: \d+$/);
    const total = Number((await resultCount(page).innerText()).replace(/\D/g, ''));
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(Number(before.replace(/\D/g, '')));

    const shown = cards(page);
    await expect(shown).toHaveCount(Math.min(total, 12));
    for (const card of await shown.all()) {
      await expect(card.getByText('Online promotion', { exact: true })).toBeVisible();
      await expect(card.getByText('Eligible cost')).toBeVisible();
      await expect(card.getByText('Programme pays')).toBeVisible();
      await expect(card.getByText('You pay')).toBeVisible();
    }
    await screenshot(page, 'catalogue.png');

    if (total > 12) {
      // The next page keeps the filter.
      await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Next page' }).click();
      await expect(page).toHaveURL(/page=2/);
      await expect(page).toHaveURL(/category=online_promotion/);
      await expect(cards(page)).toHaveCount(total - 12);
      for (const card of await cards(page).all()) {
        await expect(card.getByText('Online promotion', { exact: true })).toBeVisible();
      }
    }
  });

  await test.step('search by a Chinese name fragment', async () => {
    await page.getByLabel('Category').selectOption({ label: 'All categories' });
    // 連鎖零售 ("chain retail") is part of the Traditional Chinese name of one seeded package only.
    await page.getByLabel('Search by name').fill('連鎖零售');
    await page.getByRole('button', { name: 'Show packages' }).click();
    await expect(resultCount(page)).toHaveText('Packages found: 1');
    await expect(cards(page)).toHaveCount(1);
    await expect(cards(page).getByRole('link', { name: 'Retail Cloud POS for Chain Shops' })).toBeVisible();
  });

  await test.step('the calculator splits the cost of the package and a chosen feature', async () => {
    await cards(page).getByRole('link', { name: 'Retail Cloud POS for Chain Shops' }).click();
    await expect(page).toHaveURL(/\/solutions\/\d+$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Retail Cloud POS for Chain Shops' })).toBeVisible();
    const calculator = page.getByRole('region', { name: 'Subsidy calculator' });
    await expect(calculator).toBeVisible();

    // Nothing chosen yet: the basic package alone.
    await expectCalculatorShows(page, expectedSplit(await costFromPage(page, [])));

    const feature = 'Additional branch';
    await calculator.getByRole('group', { name: 'Optional features to include' }).getByRole('checkbox', { name: feature }).check();
    await expect(page).toHaveURL(/[?&]features=\d+/);
    const cost = await costFromPage(page, [feature]);
    const split = expectedSplit(cost);
    expect(split.capped).toBe(false);
    await expectCalculatorShows(page, split);
    await screenshot(page, 'package.png');

    await test.step('funding already granted limits the programme to what is left under the cap', async () => {
      await calculator.getByLabel('Funding your enterprise already has').fill('45,000');
      // A typed amount is counted when the shop owner asks for it, not on every keystroke.
      await calculator.getByRole('button', { name: 'Calculate' }).click();
      await expect(page).toHaveURL(/[?&]used=45%2C000/);
      const capped = expectedSplit(cost, 45_000_00);
      expect(capped.programme).toBe(5_000_00);
      await expect(valueOf(page.getByTestId('calculator-result'), 'Programme pays')).toHaveText('HK$5,000.00');
      await expectCalculatorShows(page, capped);
      await expect(calculator.getByRole('checkbox', { name: feature })).toBeChecked();
    });
  });

  await test.step('switch to Traditional Chinese', async () => {
    const url = page.url();
    await page.getByRole('button', { name: '繁體中文' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-HK');
    await expect(page.getByRole('heading', { level: 2, name: '資助計算機' })).toBeVisible();
    expect(page.url()).toBe(url); // same package, same choices
    const result = page.getByTestId('calculator-result');
    await expect(valueOf(result, '計劃資助金額')).toHaveText('HK$5,000.00');
    await expect(result).toContainText('計劃資助金額受資助上限所限。');
    await expect(page.getByRole('heading', { level: 1, name: '連鎖零售雲端收銀系統' })).toBeVisible();
    await expect(page.getByRole('button', { name: '繁體中文' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByLabel('你的企業已獲本計劃批出的資助')).toHaveValue(/^45,?000$/);
    await screenshot(page, 'package-zh-HK.png');
  });

  await test.step('the language choice is remembered on the next page load', async () => {
    await page.goto('/solutions');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-HK');
    await expect(page.getByRole('heading', { level: 1, name: '方案目錄' })).toBeVisible();
    await expect(page.getByLabel('按名稱搜尋')).toBeVisible();
    await expect(mainNav(page, '主選單').getByRole('link', { name: `已登入：${name}` })).toBeVisible();
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-HK');
    await expect(page.getByRole('heading', { level: 1, name: '方案目錄' })).toBeVisible();
  });

  expect(problems).toEqual([]);
});

// ── Links ────────────────────────────────────────────────────────────────────────────────────────────────────

test('links move within the page once JavaScript runs, and the menu marks where the reader is', async ({ page }) => {
  const problems = watchForPageErrors(page);
  await page.goto('/solutions');
  await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
  // Gone if the browser loads a new document instead of the router moving within this one.
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  const stayed = () => page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed === true);
  const catalogueLink = mainNav(page).getByRole('link', { name: 'Solutions catalogue' });
  await expect(catalogueLink).toHaveAttribute('aria-current', 'page');

  const first = cards(page).first().getByRole('link');
  const name = await first.innerText();
  await first.click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  expect(await stayed()).toBe(true);
  // A page below the catalogue still belongs to it in the menu.
  await expect(catalogueLink).toHaveAttribute('aria-current', 'page');

  await mainNav(page).getByRole('link', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();
  expect(await stayed()).toBe(true);
  await expect(catalogueLink).not.toHaveAttribute('aria-current', /.*/);
  await expect(mainNav(page).getByRole('link', { name: 'Log in' })).toHaveAttribute('aria-current', 'page');

  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  expect(await stayed()).toBe(true);
  expect(problems).toEqual([]);
});

// ── Without JavaScript ───────────────────────────────────────────────────────────────────────────────────────

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the catalogue filters and the calculator work as plain HTML forms', async ({ page }) => {
    await page.goto('/solutions');
    await expect(page.getByRole('heading', { level: 1, name: 'Solutions catalogue' })).toBeVisible();
    const before = await resultCount(page).innerText();

    await page.getByLabel('Category').selectOption({ label: 'Online promotion' });
    await page.getByLabel('Sector').selectOption({ label: 'Retail (excluding F&B)' });
    await page.getByLabel('Sort by').selectOption({ label: 'Price, highest first' });
    await page.getByRole('button', { name: 'Show packages' }).click();
    await expect(page).toHaveURL(/category=online_promotion/);
    await expect(page).toHaveURL(/sector=retail/);
    await expect(resultCount(page)).not.toHaveText(before);
    const total = Number((await resultCount(page).innerText()).replace(/\D/g, ''));
    expect(total).toBeGreaterThan(0);
    await expect(cards(page)).toHaveCount(Math.min(total, 12));
    // The form shows the filters it was sent with.
    await expect(page.getByLabel('Category')).toHaveValue('online_promotion');
    await expect(page.getByLabel('Sector')).toHaveValue('retail');

    const prices: number[] = [];
    for (const card of await cards(page).all()) {
      await expect(card.getByText('Online promotion', { exact: true })).toBeVisible();
      await expect(card.getByText('Retail (excluding F&B)', { exact: true })).toBeVisible();
      prices.push(toCents(await valueOf(card, 'Eligible cost').innerText()));
    }
    expect(prices).toEqual([...prices].sort((a, b) => b - a));

    await cards(page).getByRole('link', { name: 'Online Shop Launch Package' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Online Shop Launch Package' })).toBeVisible();
    const calculator = page.getByRole('region', { name: 'Subsidy calculator' });
    const features = ['100 extra product photos', 'Stock sync with shop POS'];
    for (const feature of features) await calculator.getByRole('checkbox', { name: feature }).check();
    await calculator.getByLabel('Funding your enterprise already has').fill('25000');
    await calculator.getByRole('button', { name: 'Calculate' }).click();
    await expect(page).toHaveURL(/used=25000/);
    for (const feature of features) await expect(calculator.getByRole('checkbox', { name: feature })).toBeChecked();
    await expect(calculator.getByLabel('Funding your enterprise already has')).toHaveValue('25000');

    const split = expectedSplit(await costFromPage(page, features), 25_000_00);
    expect(split.capped).toBe(true);
    await expectCalculatorShows(page, split);

    // The language switch is a plain POST form too.
    await page.getByRole('button', { name: '简体中文' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('heading', { level: 1, name: '网店建立及推广套餐' })).toBeVisible();
    await expect(page).toHaveURL(/used=25000/);
  });
});

// ── Bad input ────────────────────────────────────────────────────────────────────────────────────────────────

test('bad input gets a friendly answer, not a crash', async ({ page }) => {
  for (const address of ['/solutions/999999', '/solutions/abc']) {
    const response = await page.goto(address);
    expect(response?.status(), address).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Go to the home page' })).toBeVisible();
    await expect(mainNav(page)).toBeVisible(); // the site's own header, not a bare error
  }

  const response = await page.goto('/solutions?page=-5&category=nonsense');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Solutions catalogue' })).toBeVisible();
  await expect(resultCount(page)).toHaveText(/^Packages found: \d+$/);
  await expect(page.getByLabel('Category')).toHaveValue('');
  await expect(page.getByRole('navigation', { name: 'Pages' })).toContainText('Page 1 of');

  await page.goto('/register');
  const name = 'Mismatched Confirmation';
  const email = `e2e-mismatch-${Date.now()}@example.com`;
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Confirm password').fill(`${PASSWORD}-typo`);
  await page.getByRole('button', { name: 'Create account' }).click();

  const summary = page.getByRole('alert');
  await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'The passwords do not match', exact: true })).toHaveAttribute('href', '#confirmPassword');
  const confirm = page.getByLabel('Confirm password');
  await expect(confirm).toHaveAttribute('aria-invalid', 'true');
  await expect(confirm).toHaveAccessibleDescription(/The passwords do not match/);
  await expect(page.getByLabel('Your name')).toHaveValue(name);
  await expect(page.getByLabel('Email address')).toHaveValue(email);
  await expect(page.getByRole('group', { name: 'Account type' }).getByRole('radio', { name: 'Shop owner' })).toBeChecked();
  await expect(mainNav(page).getByText(/Signed in as/)).toHaveCount(0);
});
