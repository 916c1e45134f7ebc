// Issue 12 §2 in a real browser, as the people involved and mostly in 繁體中文: a hand-off tells its receiver once,
// opening the notification leads to the work and marks it read (the header's count drops), and the receiver's home
// shows the waiting item. One pass on a 390 × 844 phone.
import { expect, test } from './support/fixtures';
import { DEMO, DEMO_PACKAGE, DEMO_PASSWORD, PHONE } from './support/constants';
import { expectNoSidewaysScroll, mainNav } from './support/page';
import { logIn, registerApplicant } from './support/people';
import { addEligibleBusiness, confirmEnquiryAtListedPrice, openDemoPackage, submitEnquiryForm } from './support/steps';
import { randomBrNumber, uniqueStamp } from './support/values';
import { notificationsTitled, switchTo, unreadInHeader } from './support/notifications';

test('an enquiry reaches the vendor and the quotation reaches the shop, each once, in 繁體中文', async ({ people }) => {
  test.setTimeout(120_000);
  const shop = await people.visitor();
  const vendor = await people.visitor();
  const stamp = uniqueStamp();
  const business = { nameEn: `E2E Notify Tea House Ltd ${stamp}`, nameZh: `測試通知茶餐廳有限公司${stamp}`, brNumber: randomBrNumber() };

  await test.step('a new shop owner adds a business and enquires about the demo package', async () => {
    await registerApplicant(shop.page, 'Notify');
    await addEligibleBusiness(shop.page, {
      ...business,
      employees: '6',
      address: '8 Kweilin Street, Sham Shui Po',
      district: 'Sham Shui Po',
      phone: '2777 1234',
    });
    await openDemoPackage(shop.page);
    await submitEnquiryForm(shop.page, business, 'Two counters.');
    await switchTo(shop.page, '繁體中文', 'zh-HK');
  });

  await test.step('the vendor, in 繁體中文, finds the enquiry waiting on their home and told once in the notifications', async () => {
    const page = vendor.page;
    await logIn(page, DEMO.vendor, DEMO_PASSWORD, /\/vendor$/);
    await switchTo(page, '繁體中文', 'zh-HK');
    const waiting = page.getByRole('region', { name: '待你處理' });
    await expect(waiting.getByRole('link', { name: '宗查詢待你報價' })).toHaveAttribute('href', '/vendor/enquiries?status=sent');

    const before = await unreadInHeader(page);
    expect(before).toBeGreaterThan(0);
    await mainNav(page, '主選單').getByRole('link', { name: /^通知/ }).click();
    const told = notificationsTitled(page, /有新查詢$/).filter({ hasText: business.nameZh });
    await expect(told).toHaveCount(1);
    await expect(told).toContainText('新');
    await told.getByRole('button', { name: /^開啟：/ }).click();
    await expect(page).toHaveURL(/\/vendor\/enquiries\?status=sent$/);
    await expect.poll(() => unreadInHeader(page)).toBe(before - 1);

    await page.goto('/notifications');
    await expect(told).toHaveCount(1);
    await expect(told.getByText('新', { exact: true })).toHaveCount(0);
    // Back in English for the demo vendor (other specs log in as it) and to answer the enquiry.
    await switchTo(page, 'English', 'en');
    await confirmEnquiryAtListedPrice(page, DEMO_PACKAGE, business.nameEn);
  });

  await test.step('the shop, in 繁體中文, is told once that the quotation arrived; opening it leads to the enquiries and marks it read', async () => {
    const page = shop.page;
    await page.goto('/account');
    await expect.poll(() => unreadInHeader(page)).toBe(1);
    await mainNav(page, '主選單').getByRole('link', { name: /^通知/ }).click();
    const arrived = notificationsTitled(page, /^已收到「.+」的報價單$/);
    await expect(arrived).toHaveCount(1);
    await expect(arrived).toContainText('你現在可以憑此報價單申請');
    await arrived.getByRole('button', { name: /^開啟：/ }).click();
    await expect(page).toHaveURL(/\/enquiries$/);
    await expect.poll(() => unreadInHeader(page)).toBe(0);
    await page.goto('/notifications');
    await expect(page.getByRole('button', { name: '全部標示為已讀' })).toHaveCount(0);
  });

  expect(shop.problems).toEqual([]);
  expect(vendor.problems).toEqual([]);
});

test('on a phone in 繁體中文: a prepared payment is told to the other officer, never the preparer, and waits on their home', async ({
  people,
}) => {
  test.setTimeout(120_000);
  const wong = await people.visitor();
  const lee = await people.visitor(PHONE);

  const ref = await test.step('officer@ prepares a payment from the approved claims', async () => {
    const page = wong.page;
    await logIn(page, DEMO.officer, DEMO_PASSWORD, /\/officer$/);
    await page.goto('/officer/claims');
    const section = page
      .getByRole('main')
      .getByRole('heading', { level: 2, name: 'Approved claims to prepare for payment', exact: true })
      .locator('xpath=..');
    const link = section.getByRole('link', { name: /^DTS-/ }).first();
    const reference = (await link.innerText()).trim();
    await link.click();
    await page.getByRole('button', { name: 'Prepare payment' }).click();
    await expect(page).toHaveURL(/\/officer\/claims\?done=prepare$/);
    return reference;
  });

  await test.step('officer2@, on a phone in 繁體中文, sees it waiting on the home page and told once', async () => {
    const page = lee.page;
    await logIn(page, DEMO.officer2, DEMO_PASSWORD, /\/officer$/);
    await switchTo(page, '繁體中文', 'zh-HK');
    const waiting = page.getByRole('region', { name: '待你處理' });
    await expect(waiting.getByRole('link', { name: '筆由其他個案主任準備的款項待發放' })).toHaveAttribute('href', '/officer/claims');
    await expectNoSidewaysScroll(page);

    const before = await unreadInHeader(page);
    await page.goto('/notifications');
    const told = notificationsTitled(page, `申請 ${ref} 有款項待發放`);
    await expect(told).toHaveCount(1);
    await expectNoSidewaysScroll(page);
    await told.getByRole('button', { name: `開啟：申請 ${ref} 有款項待發放` }).click();
    await expect(page).toHaveURL(new RegExp(`/officer/claims/${ref}$`));
    await expect.poll(() => unreadInHeader(page)).toBe(before - 1);
    await page.goto('/notifications');
    await expect(told.getByText('新', { exact: true })).toHaveCount(0);
    await switchTo(page, 'English', 'en');
  });

  await test.step('the preparer is not told about their own payment', async () => {
    await wong.page.goto('/notifications');
    await expect(notificationsTitled(wong.page, `Payment to release for ${ref}`)).toHaveCount(0);
  });

  expect(wong.problems).toEqual([]);
  expect(lee.problems).toEqual([]);
});

test('the shop owner’s home shows what waits for them above the task list', async ({ shop }) => {
  const waiting = shop.page.getByRole('region', { name: 'Waiting for you' });
  await expect(waiting.getByRole('link', { name: /officer waits for your answer$/ })).toHaveAttribute('href', '/applications');
  await expect(waiting.locator('[data-waiting="answer_officer"] strong')).toHaveText(/^[1-9]\d*$/);
  expect(shop.problems).toEqual([]);
});
