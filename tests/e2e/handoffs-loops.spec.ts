// Issue 12 §3, §4, §6 in a real browser: the request-information loop (the shop answers in 繁體中文 on a phone, the
// case stays with its officer, who sees the reply first and decides), the claim loop (rules before starting, a
// returned claim's reason and values, the bank account masked to officers and in the payment), and irreversible
// actions that ask once — a dialog with JavaScript, a confirm page without.
import { expect, test } from './support/fixtures';
import { DEMO, DEMO_VENDOR_COMPANY, OFFICER_NAME } from './support/constants';
import { escapeRegExp, hkd, uniqueStamp } from './support/values';
import { expectNoSidewaysScroll, screenshot, valueOf } from './support/page';
import { fillLoopClaim, PDF, submitted } from './support/loops';
import { BANK } from './support/claims';

test('request information, claim returned and paid: every hand-off shows what waits, first, and asks before what cannot be undone', async ({
  people,
}) => {
  test.setTimeout(420_000);
  const { applicant, business, ref, split } = await submitted(people);
  const shop = applicant.page;
  const question = `Please send the signed tenancy agreement (${uniqueStamp()}).`;
  const answer = '已附上已簽署的租約，謝謝。';

  const wong = await people.officer();
  await test.step('officer@ takes the application and asks for more information', async () => {
    const page = wong.page;
    await page.goto(`/officer/applications/${ref}`);
    await page.getByRole('button', { name: 'Assign to me' }).click();
    await page.getByLabel('Message to the applicant').fill(question);
    await page.getByRole('button', { name: 'Send request' }).click();
    await expect(page.getByRole('main').getByRole('status')).toHaveText('Request sent to the applicant.');
  });

  await test.step('the shop owner, on a phone in 繁體中文, sees the question first and answers it on its own page', async () => {
    await shop.goto(`/applications/${ref}`);
    await shop.getByRole('button', { name: '繁體中文' }).click();
    await expect(shop.locator('html')).toHaveAttribute('lang', 'zh-HK');
    const main = shop.getByRole('main');
    const task = main.getByRole('region', { name: '個案主任需要更多資料' });
    await expect(task).toContainText(question);
    // What the shop must do comes before the application's details.
    const taskTop = (await task.boundingBox())!.y;
    const statusTop = (await main.getByRole('term').filter({ hasText: '狀態' }).first().boundingBox())!.y;
    expect(taskTop).toBeLessThan(statusTop);
    await expectNoSidewaysScroll(shop);
    await task.getByRole('link', { name: '回覆個案主任' }).click();
    await expect(shop).toHaveURL(new RegExp(`/applications/${ref}/answer$`));
    await expect(main).toContainText(question);
    await expectNoSidewaysScroll(shop);
    await main.getByLabel('你的回覆').fill(answer);
    await main.getByLabel('補充文件（可不填）').setInputFiles({ name: 'tenancy.pdf', mimeType: 'application/pdf', buffer: PDF('tenancy') });
    await screenshot(shop, 'loops-answer-zh-HK-phone.png');
    await main.getByRole('button', { name: '發出回覆' }).click();
    await expect(shop).toHaveURL(new RegExp(`/applications/${ref}\\?answered=1$`));
    await expect(main.getByRole('status')).toHaveText('你的回覆已轉交個案主任。');
    await expect(main.getByRole('region', { name: '個案主任需要更多資料' })).toHaveCount(0);
  });

  await test.step('officer@ sees "reply received" on the home page and on top of the list, the answer first, and decides', async () => {
    const page = wong.page;
    await page.goto('/officer');
    await page.getByRole('link', { name: /repl(y|ies) received on my cases/ }).click();
    await expect(page).toHaveURL(/\/officer\/applications\?assigned=me&status=submitted$/);
    const replies = page.getByRole('region', { name: 'Replies received on your cases' });
    const line = replies.getByRole('listitem').filter({ has: page.getByRole('link', { name: ref, exact: true }) });
    await expect(line).toContainText('Reply received');
    await line.getByRole('link', { name: ref, exact: true }).click();
    const main = page.getByRole('main');
    await expect(valueOf(main, 'Status')).toHaveText(`Submitted — handled by ${OFFICER_NAME}`);
    const reply = main.getByRole('region', { name: /Reply received The shop has answered your question/ });
    await expect(reply).toContainText(question);
    await expect(reply).toContainText(answer);
    await expect(reply.getByRole('link', { name: 'tenancy.pdf' })).toHaveAttribute(
      'href',
      new RegExp(`^/officer/applications/${ref}/documents/\\d+$`),
    );
    await expect(page.getByRole('button', { name: 'Assign to me' })).toHaveCount(0);
    await page.getByRole('link', { name: 'Approve application' }).click();
    const dialog = page.getByRole('dialog', { name: `Approve ${ref}?` });
    await expect(dialog).toContainText(`${hkd(split.programme)} will be committed from the budget`);
    await dialog.getByRole('button', { name: 'Yes, approve' }).click();
    await expect(main.getByRole('status')).toHaveText('Approved. The applicant and the solution provider have been notified.');
  });

  await test.step('without JavaScript, "Report deployed" leads to a confirm page that says what follows', async () => {
    const vendor = await people.vendor({ javaScriptEnabled: false });
    await vendor.page.goto('/vendor/applications');
    const row = vendor.page.getByRole('row').filter({ has: vendor.page.getByRole('cell', { name: ref, exact: true }) });
    await row.getByRole('link', { name: 'Report deployed' }).click();
    await expect(vendor.page).toHaveURL(new RegExp(`/vendor/applications/${ref}/report$`));
    await expect(vendor.page.getByRole('heading', { name: `Report ${ref} deployed?` })).toBeVisible();
    await expect(vendor.page.getByRole('main')).toContainText('The shop will be asked to confirm it is in use');
    await vendor.page.getByRole('button', { name: 'Yes, report deployed' }).click();
    await expect(vendor.page).toHaveURL(new RegExp(`/vendor/applications\\?reported=${ref}$`));
    await vendor.context.close();
  });

  await test.step('the shop confirms the solution in use and reads the claim rules before starting', async () => {
    await shop.getByRole('button', { name: 'English' }).click();
    await expect(shop.locator('html')).toHaveAttribute('lang', 'en');
    await shop.goto(`/applications/${ref}`);
    await shop.getByRole('button', { name: 'Confirm the solution is in use' }).click();
    await shop.getByRole('link', { name: 'Start the claim' }).click();
    const main = shop.getByRole('main');
    await expect(main.getByText('Before you start: the claim is paid only when')).toBeVisible();
    await expect(main.getByText(`the invoice is issued by ${DEMO_VENDOR_COMPANY}, the solution provider on your quotation.`)).toBeVisible();
    await expect(main.getByLabel("Solution provider's Business Registration number")).toHaveCount(0);
    await expectNoSidewaysScroll(shop);
    await fillLoopClaim(shop, { invoiceNumber: 'INV-LOOP-1', payer: 'Chan Tai Man', amount: String(split.cost / 100) });
    await main.getByLabel('Bank', { exact: true }).selectOption({ label: BANK.bank });
    await main.getByLabel('Branch code').fill(BANK.branch);
    await main.getByLabel('Account number').fill('4567'); // too short for Hang Seng
    await main.getByLabel('Account name').fill(business.nameEn);
    await main.getByRole('button', { name: 'Send claim' }).click();
    await expect(main.getByRole('alert')).toContainText('This is not an account number of the bank chosen');
    await expect(main.getByLabel('Paid by', { exact: true })).toHaveValue('Chan Tai Man');
    await main.getByLabel('Account number').fill(`${BANK.number.slice(0, 3)}-${BANK.number.slice(3)}`);
    await main
      .getByLabel('Invoice', { exact: true })
      .setInputFiles({ name: 'INV-LOOP-1.pdf', mimeType: 'application/pdf', buffer: PDF('INV-LOOP-1') });
    await main
      .getByLabel('Proof of payment')
      .setInputFiles({ name: 'slip-INV-LOOP-1.pdf', mimeType: 'application/pdf', buffer: PDF('slip') });
    await main.getByRole('button', { name: 'Send claim' }).click();
    await expect(shop).toHaveURL(new RegExp(`/applications/${ref}\\?claimed=1$`));
  });

  const reason = `Paid from a personal account: pay from the business account (${uniqueStamp()}).`;
  await test.step('officer@ sees the account masked and returns the claim with a reason', async () => {
    const page = wong.page;
    await page.goto(`/officer/claims/${ref}`);
    const main = page.getByRole('main');
    await expect(valueOf(main, 'Pay into')).toHaveText(`${BANK.masked} · ${business.nameEn}`);
    await expect(main.getByText(BANK.number)).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Approve claim' })).toHaveCount(0);
    await page.getByLabel('What the shop must correct').fill(reason);
    await page.getByRole('button', { name: 'Return to the shop' }).click();
    await expect(page.getByRole('main').getByRole('status')).toHaveText('Claim returned to the shop.');
  });

  await test.step('the shop sees "Claim returned" and the reason on top, its values kept, and sends it again', async () => {
    await shop.goto(`/applications/${ref}`);
    const main = shop.getByRole('main');
    await expect(valueOf(main, 'Status')).toHaveText('Claim returned');
    await expect(main.getByRole('region', { name: 'Your claim was returned' })).toContainText(reason);
    await expectNoSidewaysScroll(shop);
    await main.getByRole('link', { name: 'Correct the claim' }).click();
    await expect(main.getByRole('region', { name: 'Your claim was returned' })).toContainText(reason);
    await expect(main.getByLabel('Invoice number')).toHaveValue('INV-LOOP-1');
    await expect(main.getByLabel('Paid by', { exact: true })).toHaveValue('Chan Tai Man');
    await expect(main.getByLabel('Bank', { exact: true })).toHaveValue('024');
    await expect(main.getByLabel('Account number')).toHaveValue(BANK.number);
    // The earlier attempt keeps its own papers.
    const first = main.getByRole('listitem').filter({ has: shop.getByRole('heading', { name: /^Claim 1, sent on / }) });
    await expect(first).toContainText('Returned');
    await expect(first.getByRole('link', { name: 'INV-LOOP-1.pdf', exact: true })).toBeVisible();
    await screenshot(shop, 'loops-claim-returned-phone.png');
    await fillLoopClaim(shop, { invoiceNumber: 'INV-LOOP-2', payer: business.nameEn, amount: String(split.cost / 100) });
    await main.getByRole('button', { name: 'Send claim' }).click();
    await expect(shop).toHaveURL(new RegExp(`/applications/${ref}\\?claimed=1$`));
    await expect(valueOf(main, 'Status')).toHaveText('Claim submitted');
    const attempts = main.getByRole('heading', { name: /^Claim \d, sent on / });
    await expect(attempts).toHaveCount(2);
    // Each claim's papers are listed once, under their attempt (not again among the application's documents).
    for (const name of ['INV-LOOP-1.pdf', 'INV-LOOP-2.pdf', 'slip-INV-LOOP-2.pdf']) {
      await expect(main.getByRole('link', { name, exact: true }), name).toHaveCount(1);
    }
  });

  await test.step('officer@ sees each claim attempt with its own documents, the returned one with its reason', async () => {
    const page = wong.page;
    await page.goto(`/officer/claims/${ref}`);
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { name: /^Claim \d, sent on / })).toHaveCount(2);
    const attempt = (n: number) =>
      main.getByRole('listitem').filter({ has: page.getByRole('heading', { name: new RegExp(`^Claim ${n}, sent on `) }) });
    await expect(attempt(1)).toContainText('Returned');
    await expect(attempt(1)).toContainText(reason);
    await expect(attempt(1).getByRole('link', { name: 'INV-LOOP-1.pdf', exact: true })).toHaveAttribute(
      'href',
      new RegExp(`^/officer/applications/${ref}/documents/\\d+$`),
    );
    await expect(attempt(1).getByRole('link', { name: 'INV-LOOP-2.pdf', exact: true })).toHaveCount(0);
    await expect(attempt(2)).toContainText('Being checked');
    await expect(attempt(2).getByRole('link', { name: 'INV-LOOP-2.pdf', exact: true })).toBeVisible();
    await expect(attempt(2).getByRole('link', { name: 'slip-INV-LOOP-2.pdf', exact: true })).toBeVisible();
  });

  await test.step('officer@ approves the claim (asked once) and prepares the payment', async () => {
    const page = wong.page;
    await page.goto(`/officer/claims/${ref}`);
    await page.getByRole('link', { name: 'Approve claim' }).click();
    const dialog = page.getByRole('dialog', { name: `Approve the claim for ${ref}?` });
    await expect(dialog).toContainText(`${hkd(split.programme)} becomes payable to ${business.nameEn}.`);
    await dialog.getByRole('button', { name: 'Yes, approve the claim' }).click();
    await expect(page.getByRole('main').getByRole('status')).toHaveText('Claim approved.');
    await page.goto(`/officer/claims/${ref}`);
    await page.getByRole('button', { name: 'Prepare payment' }).click();
    await expect(page.getByRole('main').getByRole('status')).toHaveText('Payment prepared. Another officer must release it.');
  });

  await test.step('officer2@, without JavaScript, confirms the release on a page that names the masked account', async () => {
    const lee = await people.officer(DEMO.officer2, { javaScriptEnabled: false });
    await lee.page.goto(`/officer/claims/${ref}`);
    await lee.page.getByRole('link', { name: 'Release payment' }).click();
    await expect(lee.page).toHaveURL(new RegExp(`/officer/claims/${ref}/release$`));
    await expect(lee.page.getByRole('main')).toContainText(
      `${hkd(split.programme)} will be paid to account ${BANK.masked}. This cannot be undone.`,
    );
    await lee.page.getByRole('button', { name: 'Yes, release the payment' }).click();
    await expect(lee.page).toHaveURL(/\/officer\/claims\?done=release$/);
  });

  await test.step('the shop sees the paid date and the masked account', async () => {
    await shop.goto(`/applications/${ref}`);
    const main = shop.getByRole('main');
    await expect(valueOf(main, 'Status')).toHaveText('Paid');
    await expect(main.getByRole('region', { name: 'Paid' })).toContainText(
      new RegExp(`${escapeRegExp(hkd(split.programme))} · paid on .+ · to account ${escapeRegExp(BANK.masked)}`),
    );
    await expectNoSidewaysScroll(shop);
  });

  expect(applicant.problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
  expect(wong.problems).toEqual([]);
});
