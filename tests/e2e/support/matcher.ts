// The matcher's questionnaire, for matcher-journey.spec.ts: every question answered in 繁體中文 (with the refusals on
// the way), and the suggested set read off the results page.
import { expect, type Locator, type Page, test } from '@playwright/test';
import { toCents } from './values';

export const OWN_LIMIT_CENTS = 15_000_00;

/** A question page: its heading (the question) and the caption of the questionnaire above it. */
export async function expectQuestion(page: Page, title: string) {
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('尋找合適方案', { exact: true }).first()).toBeVisible();
}

export async function next(page: Page) {
  await page.getByRole('button', { name: '繼續' }).click();
}

/** The amount after a label in a sentence like "計劃資助金額為HK$25,000.00，…". */
export function amountAfter(text: string, label: string): number {
  const at = text.indexOf(label);
  expect(at, `"${label}" in "${text}"`).toBeGreaterThanOrEqual(0);
  return toCents(text.slice(at + label.length));
}

export async function answerTheQuestions(page: Page) {
  await test.step('home page → 尋找合適方案 → start', async () => {
    await page.goto('/');
    await page.getByRole('button', { name: '繁體中文' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-HK');
    await page.getByRole('main').getByRole('link', { name: '尋找合適方案' }).click();
    await expect(page).toHaveURL(/\/match$/);
    await expect(page.getByRole('heading', { level: 1, name: '尋找合適方案' })).toBeVisible();
    await page.getByRole('button', { name: '開始', exact: true }).click();
  });

  await test.step('sector: nothing chosen is refused; a sector not open cannot be chosen', async () => {
    await expectQuestion(page, '貴企業屬於哪個行業？');
    const group = page.getByRole('group', { name: '貴企業屬於哪個行業？' });
    await expect(group.getByRole('radio', { name: '旅遊' })).toBeDisabled();
    await expect(group.getByText('本批次未開放').first()).toBeVisible();
    await next(page);
    const summary = page.getByRole('alert');
    await expect(summary.getByRole('heading', { name: '資料有問題' })).toBeVisible();
    await expect(summary.getByRole('link', { name: '請選擇貴企業所屬行業' })).toHaveAttribute('href', '#sector');
    await expect(page).toHaveTitle(/^錯誤：貴企業屬於哪個行業？/);
    await group.getByRole('radio', { name: '餐飲', exact: true }).check();
    await next(page);
  });

  await test.step('what the shop wants, in order of importance', async () => {
    await expectQuestion(page, '貴店希望達到甚麼目標？');
    const group = page.getByRole('group', { name: '貴店希望達到甚麼目標？' });
    await group.getByRole('checkbox', { name: '接受電子支付（八達通、轉數快、PayMe、支付寶香港、微信支付香港、信用卡）' }).check();
    await group.getByRole('checkbox', { name: '收銀及管理存貨' }).check();
    await group.getByRole('checkbox', { name: '吸引顧客再次光顧（會員、印花、優惠券）' }).check();
    await next(page);

    await expectQuestion(page, '哪項目標對貴店最重要？');
    // Two aims with the same number are refused; what was chosen stays chosen.
    await page.getByLabel('收銀及管理存貨').selectOption('1');
    await next(page);
    await expect(page.getByRole('alert')).toContainText('每項目標的次序不可相同');
    await expect(page.getByLabel('收銀及管理存貨')).toHaveValue('1');
    await page.getByLabel('接受電子支付（八達通、轉數快、PayMe、支付寶香港、微信支付香港、信用卡）').selectOption('1');
    await page.getByLabel('收銀及管理存貨').selectOption('2');
    await page.getByLabel('吸引顧客再次光顧（會員、印花、優惠券）').selectOption('3');
    await next(page);
  });

  await test.step('payment methods, what the shop has, its size', async () => {
    await expectQuestion(page, '貴店希望接受哪些付款方式？');
    const methods = page.getByRole('group', { name: '貴店希望接受哪些付款方式？' });
    for (const method of ['八達通', '轉數快（FPS）', '支付寶香港', '微信支付香港'])
      await methods.getByRole('checkbox', { name: method, exact: true }).check();
    await next(page);

    await expectQuestion(page, '貴店現已使用哪些系統？');
    await page.getByRole('group', { name: '貴店現已使用哪些系統？' }).getByRole('checkbox', { name: '以上皆無' }).check();
    await next(page);

    await expectQuestion(page, '貴店的規模有多大？');
    await page.getByLabel('分店數目').fill('1');
    await page.getByLabel('座位或櫃枱數目（可選填）').fill('12');
    await next(page);
  });

  await test.step('how to pay, and how much the business can pay itself (a bad amount first)', async () => {
    await expectQuestion(page, '貴企業屬意哪種付款方式？');
    await page.getByRole('group', { name: '貴企業屬意哪種付款方式？' }).getByRole('radio', { name: '沒有偏好' }).check();
    await next(page);

    await expectQuestion(page, '貴企業可自付多少金額？');
    await page.getByLabel('貴企業可自付多少金額？').fill('一萬五');
    await next(page);
    await expect(page.getByRole('alert')).toContainText('請以港元輸入金額，例如15000');
    await expect(page.getByLabel('貴企業可自付多少金額？')).toHaveValue('一萬五');
    // The back link keeps every answer given so far.
    await page.getByRole('link', { name: '返回' }).click();
    await expectQuestion(page, '貴企業屬意哪種付款方式？');
    await expect(page.getByRole('radio', { name: '沒有偏好' })).toBeChecked();
    await next(page);
    await page.getByLabel('貴企業可自付多少金額？').fill('15,000');
    await next(page);

    await expectQuestion(page, '貴店位於哪一區？');
    await page.getByLabel('貴店位於哪一區？').selectOption({ label: '深水埗' });
    await next(page);
  });

  await test.step('check the answers; a change comes back here', async () => {
    await expect(page.getByRole('heading', { level: 1, name: '核對你的答案' })).toBeVisible();
    const list = page.getByRole('main').locator('dl');
    await expect(list).toContainText('1. 接受電子支付');
    await expect(list).toContainText('2. 收銀及管理存貨');
    await expect(list).toContainText('HK$15,000.00');
    await expect(list).toContainText('1間店舖');
    await page.getByRole('link', { name: '更改 店舖規模' }).click();
    await expectQuestion(page, '貴店的規模有多大？');
    await expect(page.getByLabel('座位或櫃枱數目（可選填）')).toHaveValue('12');
    await page.getByLabel('座位或櫃枱數目（可選填）').fill('14');
    await next(page);
    await expect(page.getByRole('heading', { level: 1, name: '核對你的答案' })).toBeVisible();
    await expect(list).toContainText('14個座位或櫃枱');
    await page.getByRole('link', { name: '查看合適方案' }).click();
  });
}

/** The suggested set on the results page: its packages' names, and what the programme and the shop pay. */
export async function readBestSet(page: Page, bestSet: Locator) {
  const summary = await bestSet.locator('.plain-words').innerText();
  const programme = amountAfter(summary, '計劃資助金額為');
  const shop = amountAfter(summary, '企業自付金額為');
  const names = await bestSet.getByRole('heading', { level: 4 }).allInnerTexts();
  return { programme, shop, names };
}
