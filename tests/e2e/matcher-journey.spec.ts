// "Find what fits my shop" in a real browser, in 繁體中文: a visitor answers the questions one page at a time (with a
// wrong answer on the way, and a change from "check your answers"), gets a set under the HK$50,000 ceiling and within
// what the shop said it can pay, registers, adds the business, comes back to the same result and sends the enquiries
// for the whole set in one step — once, however often the button is pressed. The same again without JavaScript.
// Nothing here assumes an empty database: the account, the business and its BR number are new on every run.
import { type BrowserContextOptions } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { CAP_CENTS, PASSWORD } from './support/constants';
import { registerApplicant } from './support/people';
import { mainNav, screenshot, withoutExpectedStatus } from './support/page';
import {
  addEligibleBusiness,
  confirmEnquiryAtListedPrice,
  followApplyForFunding,
  saveApplicationDraft,
  submitDraft,
  submitEnquiryForm,
} from './support/steps';
import { expiryNextYear, hkd, randomBrNumber, uniqueStamp } from './support/values';
import { amountAfter, answerTheQuestions, OWN_LIMIT_CENTS, readBestSet } from './support/matcher';

for (const [label, options] of [
  ['js', {}],
  ['nojs', { javaScriptEnabled: false }],
] as [string, BrowserContextOptions][]) {
  test(`a visitor finds a set in 繁體中文, registers and sends its enquiries in one step (${label === 'js' ? 'with' : 'without'} JavaScript)`, async ({
    people,
  }) => {
    test.setTimeout(120_000);
    const { page, problems } = await people.visitor(options);
    await answerTheQuestions(page);
    const resultsUrl = /\/match\/results\?sector=fnb&needs=e_payments%2Ctill_stock%2Cbring_back&/;
    const bestSet = page.getByRole('region', { name: '最切合需要' });
    let best = { programme: 0, shop: 0, names: [] as string[] };

    await test.step('a visitor gets a set that covers the needs under the ceiling, worked out on the full cap', async () => {
      await expect(page).toHaveURL(resultsUrl);
      await expect(page.getByRole('heading', { level: 1, name: '適合貴店的方案' })).toBeVisible();
      await expect(page.getByRole('main')).toContainText(`全數資助上限${hkd(CAP_CENTS)}`);
      await expect(bestSet).toContainText('涵蓋：電子支付、收銀及存貨管理、吸引顧客再次光顧。');
      best = await readBestSet(page, bestSet);
      expect(best.names.length).toBeGreaterThanOrEqual(2);
      expect(best.programme).toBeGreaterThan(0);
      expect(best.programme).toBeLessThanOrEqual(CAP_CENTS);
      expect(best.shop).toBeLessThanOrEqual(OWN_LIMIT_CENTS);
      // Each pick says what it covers and who pays what.
      await expect(
        bestSet.getByText(/^涵蓋：.+；計劃資助金額HK\$[\d,]+\.\d{2}；企業自付金額HK\$[\d,]+\.\d{2}；尚餘HK\$[\d,]+\.\d{2}資助上限。$/),
      ).toHaveCount(best.names.length);
      await screenshot(page, `matcher-results-${label}.png`);
    });

    const stamp = uniqueStamp();
    const account = { name: `配對測試 ${label} ${stamp}`, email: `e2e-matcher-${label}-${stamp}@example.com` };
    await test.step('register, and come back to the same result', async () => {
      await bestSet.getByRole('link', { name: '登記帳戶以此組合開始' }).click();
      await expect(page).toHaveURL(/\/register\?redirectTo=%2Fmatch%2Fresults/);
      await expect(page.getByRole('heading', { level: 1, name: '建立帳戶' })).toBeVisible();
      await page.getByRole('group', { name: '帳戶類型' }).getByRole('radio', { name: '店主' }).check();
      await page.getByLabel('姓名').fill(account.name);
      await page.getByLabel('電郵地址').fill(account.email);
      await page.getByLabel('密碼', { exact: true }).fill(PASSWORD);
      await page.getByLabel('確認密碼').fill(PASSWORD);
      await page.getByRole('button', { name: '建立帳戶' }).click();
      // Registering does not sign in (the form must not tell who already has an account): log in, and come back.
      await expect(page).toHaveURL(/\/login\?registered=1&redirectTo=%2Fmatch%2Fresults/);
      await page.getByLabel('電郵地址').fill(account.email);
      await page.getByLabel('密碼', { exact: true }).fill(PASSWORD);
      await page.getByRole('main').getByRole('button', { name: '登入' }).click();
      await expect(page).toHaveURL(resultsUrl);
      await expect(mainNav(page, '主選單').getByRole('link', { name: `已登入：${account.name}` })).toBeVisible();
    });

    const business = { nameEn: `E2E Matcher Noodles ${label} ${stamp}`, nameZh: `配對測試麵家${label}${stamp}` };
    await test.step('add the business, and come back to the same result, now for that business', async () => {
      await bestSet.getByRole('link', { name: '加入企業資料以此組合開始' }).click();
      await expect(page.getByRole('heading', { level: 1, name: '新增企業' })).toBeVisible();
      await page.getByLabel('企業英文名稱').fill(business.nameEn);
      await page.getByLabel('企業中文名稱').fill(business.nameZh);
      await page.getByRole('group', { name: '企業以甚麼方式登記？' }).getByRole('radio', { name: '根據《商業登記條例》登記' }).check();
      await page.getByLabel('商業登記號碼', { exact: true }).fill(randomBrNumber());
      await page.getByLabel('商業登記證有效期至').fill(expiryNextYear());
      await page.getByLabel('行業', { exact: true }).selectOption({ label: '餐飲' });
      await page.getByLabel('全職僱員人數', { exact: true }).fill('5');
      await page.getByLabel('企業在香港的地址').fill('深水埗福華街12號地下');
      await page.getByLabel('地區', { exact: true }).selectOption({ label: '深水埗' });
      await page.getByLabel('企業電話號碼').fill('2345 6789');
      const yesNo: [string, '是' | '否'][] = [
        ['企業是否屬於集團旗下公司？', '否'],
        ['企業是否在香港有實質業務運作？', '是'],
        ['是否上市公司？', '否'],
        ['是否法定機構？', '否'],
        ['是否政府資助機構？', '否'],
      ];
      for (const [question, answer] of yesNo)
        await page.getByRole('group', { name: question }).getByRole('radio', { name: answer, exact: true }).check();
      await page.getByRole('button', { name: '儲存企業資料' }).click();
      await expect(page).toHaveURL(resultsUrl);
      await expect(page.getByRole('main')).toContainText(`按${business.nameZh}計算：尚可申請的資助額為${hkd(CAP_CENTS)}。`);
      // A new business has the whole ceiling: the same set as the visitor saw.
      expect((await readBestSet(page, bestSet)).names).toEqual(best.names);
    });

    await test.step('send the enquiries for the whole set in one step', async () => {
      await bestSet.getByRole('button', { name: '以此組合開始' }).click();
      await expect(page).toHaveURL(new RegExp(`/enquiries\\?matched=${best.names.length}&skipped=0$`));
      await expect(page.getByRole('heading', { level: 1, name: '我的查詢' })).toBeVisible();
      await expect(page.getByRole('status').first()).toContainText(`已就建議組合發出${best.names.length}項查詢。`);
      const table = page.getByRole('main').getByRole('table');
      for (const name of best.names) {
        const row = table.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
        await expect(row).toHaveCount(1);
        await expect(row).toContainText('建議原因');
        await expect(row).toContainText('由配對系統建議（最切合需要');
        await expect(row).toContainText('等待回覆');
      }
      await screenshot(page, `matcher-enquiries-${label}.png`);
    });

    await test.step('pressing it again sends nothing more, and says so', async () => {
      await page.goBack();
      await expect(page).toHaveURL(resultsUrl);
      await bestSet.getByRole('button', { name: '以此組合開始' }).click();
      await expect(page).toHaveURL(new RegExp(`/enquiries\\?matched=0&skipped=${best.names.length}$`));
      await expect(page.getByRole('status').first()).toContainText(`有${best.names.length}個套餐未有發出查詢`);
      for (const name of best.names) await expect(page.getByRole('main').getByRole('link', { name, exact: true })).toHaveCount(1);
    });

    await test.step("the task list on the owner's home shows where things stand", async () => {
      await page.goto('/account');
      const tasks = page.getByRole('region', { name: '你的申請' });
      await expect(tasks.getByRole('listitem').filter({ hasText: '填寫企業資料' })).toContainText('已完成');
      await expect(tasks.getByRole('listitem').filter({ hasText: '向方案供應商索取報價單' })).toContainText('等候方案供應商');
    });

    // The refused answers above were answered with 400 on purpose.
    expect(withoutExpectedStatus(problems, [400])).toEqual([]);
  });
}

// Two seeded packages in two categories whose programme shares add up to exactly HK$20,000 (HK$4,000 + HK$16,000).
const COMMITTED = [
  { name: 'Takeaway Kiosk POS Lite', features: [] as string[], vendorEmail: 'sales@dingdingpos.example.hk', programmeCents: 4_000_00 },
  {
    name: 'Restaurant Website with Online Booking',
    features: ['Online takeaway ordering'],
    vendorEmail: 'studio@toloweb.example.hk',
    programmeCents: 16_000_00,
  },
];

test('a shop owner with HK$20,000 committed gets a set that fits the remaining HK$30,000', async ({ people }) => {
  test.setTimeout(180_000);
  const { page, problems } = await people.visitor();
  await registerApplicant(page, 'Matcher committed', 'e2e-matcher');
  const stamp = uniqueStamp();
  const business = {
    nameEn: `E2E Committed Noodles ${stamp}`,
    nameZh: `已承擔麵家${stamp}`,
    brNumber: randomBrNumber(),
    employees: '5',
    address: '12 Fuk Wa Street',
    district: 'Sham Shui Po',
    phone: '2345 6789',
  };
  await addEligibleBusiness(page, business);

  for (const pkg of COMMITTED) {
    await test.step(`apply for "${pkg.name}" and submit: HK$${pkg.programmeCents / 100} committed`, async () => {
      await page.goto(`/solutions?q=${encodeURIComponent(pkg.name)}`);
      await page.getByRole('main').getByRole('link', { name: pkg.name, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: pkg.name })).toBeVisible();
      for (const feature of pkg.features) await page.getByRole('checkbox', { name: feature, exact: true }).check();
      await submitEnquiryForm(page, business, 'For the committed-funding journey.');
      const vendor = await people.signedIn(pkg.vendorEmail, /\/vendor/);
      // Seed vendors keep their own language; this step reads the English page.
      await vendor.page.getByRole('button', { name: 'English' }).click();
      await expect(vendor.page.locator('html')).toHaveAttribute('lang', 'en');
      await confirmEnquiryAtListedPrice(vendor.page, pkg.name, business.nameEn);
      await vendor.context.close();
      await followApplyForFunding(page, pkg.name);
      const ref = await saveApplicationDraft(page, {
        name: 'quotation.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4 quotation'),
      });
      await expect(page.getByRole('main')).toContainText(hkd(pkg.programmeCents));
      await submitDraft(page, ref);
    });
  }

  await test.step('the matcher works within the HK$30,000 left, outside the two categories already applied for', async () => {
    const answers =
      'sector=fnb&needs=e_payments%2Ctill_stock%2Cbring_back%2Cfound_online&methods=octopus%2Cfps&has=none&outlets=1&seats=12&pay=none&own=30000&district=sham_shui_po';
    await page.goto(`/match/results?${answers}`);
    await expect(page.getByRole('heading', { level: 1, name: 'What fits your shop' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText(
      `Worked out for ${business.nameEn}: ${hkd(30_000_00)} of remaining funding you can apply for.`,
    );
    const bestSet = page.getByRole('region', { name: 'Best fit for your needs' });
    const summary = await bestSet.locator('.plain-words').innerText();
    const programme = amountAfter(summary, 'The programme pays ');
    expect(programme).toBeGreaterThan(0);
    expect(programme).toBeLessThanOrEqual(30_000_00);
    expect(amountAfter(summary, 'You pay ')).toBeLessThanOrEqual(30_000_00);
    // Only customer management is left: one package, and the POS and promotion categories are said to be left out.
    await expect(bestSet.getByRole('heading', { level: 4 }).getByRole('link')).toHaveCount(1);
    await expect(bestSet).toContainText('Customer management and loyalty/discount');
    await expect(page.getByRole('main')).toContainText('the business already has an application in this category.');
    await screenshot(page, 'matcher-results-committed.png');
  });

  expect(withoutExpectedStatus(problems, [])).toEqual([]);
});
