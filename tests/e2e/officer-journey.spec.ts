// The case officer's side in a real browser: the queue and its filters, the review page, a request for more
// information answered by a shop owner who reads the site in Traditional Chinese, approval and the notifications it
// sends; an application handled by another officer, a decision made on a stale page, and what non-officers and
// half-filled decision forms get.
import { expect, test } from './support/fixtures';
import { CAP_CENTS, DEMO, DEMO_PACKAGE, DEMO_VENDOR_COMPANY, OFFICER_NAME, PASSWORD } from './support/constants';
import { hkd, uniqueStamp } from './support/values';
import { mainNav, nextPost, postForm, screenshot, timeline, valueOf, withoutExpectedStatus } from './support/page';
import { type Actor, logIn } from './support/people';
import { assignToMe, decisionSection, openReview, queueRow, secondTab, STALE, submittedApplication } from './support/review';

// ── The journey ──────────────────────────────────────────────────────────────────────────────────────

test('an officer filters the queue, asks a Chinese-speaking shop owner for more information, then approves', async ({ people }) => {
  test.setTimeout(180_000);
  const { applicant, account, business, ref, split } = await submittedApplication(people, 'Journey');
  const message = `Please send a photo of the shop front and the menu (${uniqueStamp()}).`;
  const answer = '已附上店面相片及餐牌，謝謝。';

  await test.step('the shop owner switches the site to Traditional Chinese', async () => {
    const { page } = applicant;
    await page.getByRole('button', { name: '繁體中文' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-HK');
    await expect(page).toHaveURL(new RegExp(`/applications/${ref}`));
    await expect(page.getByRole('heading', { level: 1, name: `申請 ${ref}` })).toBeVisible();
    await expect(valueOf(page.getByRole('main'), '狀態')).toHaveText('已提交');
    expect(applicant.problems).toEqual([]);
    // The rest of the journey logs in afresh: the language must come from the account, not this browser's cookie.
    await applicant.context.close();
  });

  const officerWong = await people.officer();
  const { page } = officerWong;

  await test.step('the queue, filtered to unassigned Food and Beverage POS applications, lists it', async () => {
    await mainNav(page).getByRole('link', { name: 'Queue' }).click();
    await expect(page).toHaveURL(/\/officer\/applications$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Applications queue' })).toBeVisible();
    const filters = page.getByRole('form', { name: 'Filter the queue' });
    await filters.getByLabel('Assigned').selectOption({ label: 'To nobody' });
    await filters.getByLabel('Status').selectOption({ label: 'Submitted' });
    await filters.getByLabel('Sector').selectOption({ label: 'Food and Beverage' });
    await filters.getByLabel('Category').selectOption({ label: 'E-payment and in-store sales (POS)' });
    await filters.getByRole('button', { name: 'Show applications' }).click();
    await expect(page).toHaveURL(/[?&]assigned=unassigned(&|$)/);
    await expect(page).toHaveURL(/[?&]sector=fnb(&|$)/);
    await expect(page).toHaveURL(/[?&]status=submitted(&|$)/);
    await expect(page).toHaveURL(/[?&]category=e_payment_pos(&|$)/);
    // The form shows the filters it was sent with.
    await expect(filters.getByLabel('Assigned')).toHaveValue('unassigned');
    await expect(filters.getByLabel('Sector')).toHaveValue('fnb');

    const headers = page.getByRole('main').getByRole('columnheader');
    await expect(headers).toHaveText([
      'Reference',
      'Business',
      'Category',
      'Status',
      'Programme pays',
      'Submitted',
      'Working days waiting',
      'Officer',
    ]);
    const row = queueRow(page, ref);
    await expect(row).toHaveCount(1);
    const cells = row.getByRole('cell');
    await expect(cells.nth(1)).toContainText(business.nameEn);
    await expect(cells.nth(1)).toContainText('Food and Beverage · Yau Tsim Mong');
    await expect(cells.nth(2)).toHaveText('E-payment and in-store sales (POS)');
    await expect(cells.nth(3)).toHaveText('Submitted');
    await expect(cells.nth(4)).toHaveText(hkd(split.programme));
    await expect(cells.nth(6)).toHaveText(/^\d+$/);
    expect(Number(await cells.nth(6).innerText())).toBeLessThanOrEqual(1); // submitted moments ago
    await expect(cells.nth(7)).toHaveText('Not assigned');
    // Every row matches every filter.
    for (const other of await page
      .getByRole('main')
      .getByRole('row')
      .filter({ has: page.getByRole('cell') })
      .all()) {
      await expect(other.getByRole('cell').nth(1)).toContainText('Food and Beverage');
      await expect(other.getByRole('cell').nth(3)).toHaveText('Submitted');
      await expect(other.getByRole('cell').nth(7)).toHaveText('Not assigned');
    }
    await screenshot(page, 'officer-queue.png');

    // Another sector leaves it out.
    await filters.getByLabel('Sector').selectOption({ label: 'Retail (excluding F&B)' });
    await filters.getByRole('button', { name: 'Show applications' }).click();
    await expect(page).toHaveURL(/[?&]sector=retail(&|$)/);
    await expect(queueRow(page, ref)).toHaveCount(0);
    await page.goBack();
    await expect(page).toHaveURL(/[?&]sector=fnb(&|$)/);
    await expect(queueRow(page, ref)).toHaveCount(1);
  });

  await test.step('the review page shows the enterprise, eligibility now, the money and the documents', async () => {
    await queueRow(page, ref).getByRole('link', { name: ref, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/officer/applications/${ref}$`));
    await expect(page.getByRole('heading', { level: 1, name: `Review ${ref}` })).toBeVisible();
    const main = page.getByRole('main');
    await expect(valueOf(main, 'Status')).toHaveText('Submitted Not assigned');
    await expect(valueOf(main, 'Working days waiting')).toHaveText(/^\d+/);

    await expect(main.getByRole('heading', { level: 2, name: 'The enterprise' })).toBeVisible();
    await expect(valueOf(main, 'Business name')).toContainText(business.nameEn);
    await expect(valueOf(main, 'Business name')).toContainText(business.nameZh);
    await expect(valueOf(main, 'Registration')).toContainText(`BR ${business.brNumber}`);
    await expect(valueOf(main, 'Sector')).toHaveText('Food and Beverage');
    await expect(valueOf(main, 'Number of full-time employees')).toHaveText('6');
    await expect(valueOf(main, 'Business address in Hong Kong')).toContainText('G/F, 88 Temple Street, Jordan, Yau Tsim Mong');

    await expect(main.getByRole('heading', { level: 2, name: 'Eligibility now' })).toBeVisible();
    const rules = main.getByRole('listitem').filter({ has: page.getByText(/^(Met|Not met|To be checked)$/) });
    expect(await rules.count()).toBeGreaterThanOrEqual(8);
    for (const rule of ['Registration', 'Sector', 'Business in Hong Kong', 'Size', 'Application batch']) {
      await expect(rules.filter({ has: page.getByText(rule, { exact: true }) }).getByText('Met', { exact: true })).toBeVisible();
    }
    await expect(main.getByText('Not met', { exact: true })).toHaveCount(0);

    await expect(main.getByRole('heading', { level: 2, name: 'Money' })).toBeVisible();
    await expect(valueOf(main, 'Eligible cost')).toHaveText(hkd(split.cost));
    await expect(valueOf(main, 'Programme pays')).toHaveText(hkd(split.programme));
    await expect(valueOf(main, 'You pay')).toHaveText(hkd(split.shop));
    await expect(valueOf(main, "Enterprise's remaining funding")).toHaveText(hkd(CAP_CENTS - split.programme));
    await expect(main).toContainText(DEMO_VENDOR_COMPANY);
    await expect(main.getByRole('listitem').filter({ hasText: `${DEMO_PACKAGE} — ${hkd(split.cost)}` })).toHaveCount(1);
    const documentLink = main.getByRole('link', { name: 'quotation.pdf' });
    await expect(documentLink).toHaveAttribute('href', new RegExp(`^/officer/applications/${ref}/documents/\\d+$`));
    await expect(main.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'quotation.pdf' }) })).toContainText(
      '(quotation)',
    );
    const download = await page.request.get((await documentLink.getAttribute('href'))!);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toContain('application/pdf');
    expect((await download.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expect(main.getByRole('heading', { name: "The enterprise's other applications" })).toBeVisible();
    await expect(main.getByText('None.', { exact: true })).toBeVisible();

    // Not yet anybody's: no decision until an officer takes it.
    await expect(decisionSection(page)).toHaveCount(0);
    await assignToMe(page, ref);
    await expect(page.getByRole('link', { name: 'Approve application' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Send request' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Do not approve' })).toBeVisible();
    await screenshot(page, 'officer-review.png');
  });

  await test.step('the officer asks for more information', async () => {
    await page.getByLabel('Message to the applicant').fill(message);
    await page.getByRole('button', { name: 'Send request' }).click();
    await expect(page).toHaveURL(new RegExp(`/officer/applications/${ref}\\?done=request_info$`));
    await expect(page.getByRole('main').getByRole('status')).toHaveText('Request sent to the applicant.');
    await expect(valueOf(page.getByRole('main'), 'Status')).toHaveText(`More information requested — handled by ${OFFICER_NAME}`);
    await expect(decisionSection(page)).toHaveCount(0);
    const events = timeline(page);
    await expect(events.last()).toContainText('More information requested');
    await expect(events.last()).toContainText(message);
  });

  const shopOwner = await people.visitor();
  await test.step('the shop owner logs in again and reads the request in Traditional Chinese', async () => {
    const shop = shopOwner.page;
    await logIn(shop, account.email, PASSWORD, /\/account$/);
    await expect(shop.locator('html')).toHaveAttribute('lang', 'zh-HK');
    await expect(mainNav(shop, '主選單').getByRole('link', { name: `已登入：${account.name}` })).toBeVisible();
    await shop.goto(`/applications/${ref}`);
    await expect(shop.locator('html')).toHaveAttribute('lang', 'zh-HK');
    await expect(shop.getByRole('heading', { level: 1, name: `申請 ${ref}` })).toBeVisible();
    const main = shop.getByRole('main');
    await expect(valueOf(main, '狀態')).toHaveText('需補交資料');
    await expect(valueOf(main, '企業')).toHaveText(business.nameZh);
    // What the shop must do comes first: the question, then a page of its own to answer it.
    const request = shop.getByRole('heading', { level: 2, name: '個案主任需要更多資料' }).locator('xpath=..');
    await expect(request).toContainText(message);
    await request.getByRole('link', { name: '回覆個案主任' }).click();
    await expect(shop).toHaveURL(new RegExp(`/applications/${ref}/answer$`));
    await expect(shop.getByRole('main')).toContainText(message);
    await shop.getByLabel('你的回覆').fill(answer);
    await shop.getByRole('button', { name: '發出回覆' }).click();
    await expect(shop).toHaveURL(new RegExp(`/applications/${ref}\\?answered=1$`));
    await expect(main.getByRole('status')).toHaveText('你的回覆已轉交個案主任。');
    await expect(valueOf(main, '狀態')).toHaveText('已提交');
    await expect(shop.getByRole('heading', { level: 2, name: '個案主任需要更多資料' })).toHaveCount(0);
    await expect(timeline(shop, '處理紀錄').last()).toContainText(answer);
  });

  await test.step("the answered application is still the officer's, who approves it without taking it again", async () => {
    await openReview(page, ref);
    const main = page.getByRole('main');
    await expect(valueOf(main, 'Status')).toHaveText(`Submitted — handled by ${OFFICER_NAME}`);
    const reply = main.getByRole('region', { name: /The shop has answered your question/ });
    await expect(reply).toContainText(message);
    await expect(reply).toContainText(answer);
    await expect(timeline(page).last()).toContainText('Information provided');
    await expect(page.getByRole('button', { name: 'Assign to me' })).toHaveCount(0);
    await expect(decisionSection(page)).toBeVisible();
    await page.getByRole('link', { name: 'Approve application' }).click();
    const dialog = page.getByRole('dialog', { name: `Approve ${ref}?` });
    await expect(dialog).toContainText(/HK\$[\d,.]+ will be committed from the budget/);
    await dialog.getByLabel('Note for the record (optional)').fill('Photos and menu received; all in order.');
    await dialog.getByRole('button', { name: 'Yes, approve' }).click();
    await expect(page).toHaveURL(new RegExp(`/officer/applications/${ref}\\?done=approve$`));
    await expect(main.getByRole('status')).toHaveText('Approved. The applicant and the solution provider have been notified.');
    await expect(valueOf(main, 'Status')).toHaveText(`Approved — handled by ${OFFICER_NAME}`);
    await expect(decisionSection(page)).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Assign to me' })).toHaveCount(0);
    await expect(timeline(page).last()).toContainText('Approved');
    // Approved applications leave the open queue.
    await page.goto('/officer/applications');
    await expect(queueRow(page, ref)).toHaveCount(0);
  });

  await test.step('the shop owner sees the approval and its notification in Traditional Chinese', async () => {
    const shop = shopOwner.page;
    await shop.goto(`/applications/${ref}`);
    const main = shop.getByRole('main');
    await expect(valueOf(main, '狀態')).toHaveText('已批核');
    await expect(valueOf(main, '計劃資助金額')).toHaveText(hkd(split.programme));

    await mainNav(shop, '主選單').getByRole('link', { name: '通知' }).click();
    await expect(shop).toHaveURL(/\/notifications$/);
    await expect(shop.getByRole('heading', { level: 1, name: '通知' })).toBeVisible();
    const approved = main.getByRole('listitem').filter({ has: shop.getByRole('heading', { name: `申請 ${ref} 已批核`, exact: true }) });
    await expect(approved).toHaveCount(1);
    await expect(approved).toContainText(`你的申請 ${ref} 已獲批核，計劃會資助 ${hkd(split.programme)}。`);
    // Opening it (a form: it marks it read) leads to the application.
    await expect(approved.getByRole('button', { name: `開啟：申請 ${ref} 已批核` })).toBeVisible();
    const asked = main.getByRole('listitem').filter({ has: shop.getByRole('heading', { name: `申請 ${ref} 需補交資料`, exact: true }) });
    await expect(asked).toHaveCount(1);
    await expect(asked).toContainText(message);
    // Newest first: the approval heads the list.
    await expect(
      main
        .getByRole('listitem')
        .filter({ has: shop.getByRole('heading', { level: 2 }) })
        .first(),
    ).toContainText(`申請 ${ref} 已批核`);
    await screenshot(shop, 'applicant-notifications-zh-HK.png');
  });

  expect(officerWong.problems).toEqual([]);
  expect(shopOwner.problems).toEqual([]);
});

// ── Two officers, two tabs ───────────────────────────────────────────────────────────────────────────────────

test('only the assigned officer decides, and a decision made on a stale page is refused', async ({ people }) => {
  test.setTimeout(180_000);
  const { ref } = await submittedApplication(people, 'TwoOfficers');

  const officerWong = await people.officer();
  await openReview(officerWong.page, ref);
  await assignToMe(officerWong.page, ref);

  const officerLee = await people.officer(DEMO.officer2);
  await test.step('a second officer can read the application but not decide it', async () => {
    const { page } = officerLee;
    await openReview(page, ref);
    await expect(valueOf(page.getByRole('main'), 'Status')).toHaveText(`Under review — handled by ${OFFICER_NAME}`);
    await expect(page.getByRole('heading', { level: 2, name: 'The enterprise' })).toBeVisible();
    await expect(decisionSection(page)).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Approve application' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Do not approve' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Send request' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Assign to me' })).toHaveCount(0);

    // Nor can a hand-made form do it: the server refuses, and the application stays as it was.
    const approve = await postForm(page, `/officer/applications/${ref}`, { intent: 'approve', expectedStatus: 'under_review' });
    expect(approve.status()).toBe(409);
    expect(await approve.text()).toContain('Another officer is handling this application.');
    const take = await postForm(page, `/officer/applications/${ref}`, { intent: 'assign', expectedStatus: 'under_review' });
    expect(take.status()).toBe(409);
    expect(await take.text()).toContain('Another officer is handling this application.');
    await page.reload();
    await expect(valueOf(page.getByRole('main'), 'Status')).toHaveText(`Under review — handled by ${OFFICER_NAME}`);
  });

  await test.step('approved in one tab, then "Do not approve" in another tab still showing "Under review"', async () => {
    const first = officerWong.page;
    const second = await secondTab(officerWong);
    await openReview(second, ref);
    await expect(valueOf(second.getByRole('main'), 'Status')).toHaveText(`Under review — handled by ${OFFICER_NAME}`);

    await first.getByRole('link', { name: 'Approve application' }).click();
    await first.getByRole('dialog').getByRole('button', { name: 'Yes, approve' }).click();
    await expect(first.getByRole('main').getByRole('status')).toHaveText(
      'Approved. The applicant and the solution provider have been notified.',
    );
    await expect(valueOf(first.getByRole('main'), 'Status')).toHaveText(`Approved — handled by ${OFFICER_NAME}`);

    await second.getByLabel('Reason', { exact: true }).selectOption({ label: 'The quotation is not acceptable' });
    await second.getByLabel('Explanation for the applicant (optional)').fill('The quotation is missing the vendor chop.');
    const refused = nextPost(second);
    await second.getByRole('button', { name: 'Do not approve' }).click();
    expect((await refused).status()).toBe(409);
    const alert = second.getByRole('main').getByRole('alert');
    await expect(alert.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    await expect(alert).toContainText(STALE);
    // "The page now shows its latest status": Approved, with no decision left to take.
    await expect(valueOf(second.getByRole('main'), 'Status')).toHaveText(`Approved — handled by ${OFFICER_NAME}`);
    await expect(decisionSection(second)).toHaveCount(0);

    await second.reload();
    await expect(valueOf(second.getByRole('main'), 'Status')).toHaveText(`Approved — handled by ${OFFICER_NAME}`);
    const events = timeline(second);
    await expect(events.last()).toContainText('Approved');
    await expect(events.filter({ hasText: 'Not approved' })).toHaveCount(0);
    await expect(second.getByText('The quotation is missing the vendor chop.')).toHaveCount(0);
  });

  expect(withoutExpectedStatus(officerWong.problems, [409])).toEqual([]);
  expect(officerLee.problems).toEqual([]);
});

// ── Who may see the queue, and a half-filled decision form ───────────────────────────────────────────────────

test('shop owners, vendors and administrators cannot open the queue; "Do not approve" needs a reason', async ({ people }) => {
  test.setTimeout(180_000);
  const { applicant, ref } = await submittedApplication(people, 'Refused');

  await test.step('nobody but an officer gets the queue or a review page', async () => {
    const visitors: { who: string; actor: Actor }[] = [{ who: 'the owner of the application', actor: applicant }];
    for (const [who, email, home] of [
      ['the demo shop owner', DEMO.applicant, /\/account$/],
      ['the demo vendor', DEMO.vendor, /\/vendor$/],
      ['the administrator', DEMO.admin, /\/admin$/],
    ] as const) {
      const actor = await people.signedIn(email, home);
      visitors.push({ who, actor });
    }
    for (const { who, actor } of visitors) {
      const { page } = actor;
      for (const address of ['/officer/applications', `/officer/applications/${ref}`, '/officer/applications?assigned=unassigned']) {
        const response = await page.goto(address);
        expect(response?.status(), `${who} at ${address}`).toBe(403);
        await expect(page.getByRole('heading', { level: 1, name: 'You cannot do that' })).toBeVisible();
        await expect(mainNav(page)).toBeVisible(); // the site's own header, not a bare error
        await expect(page.getByRole('table')).toHaveCount(0);
        await expect(page.getByText(ref)).toHaveCount(0);
      }
      // "Next in queue" and a decision, posted by hand, are refused as well.
      await page.goto('/notifications');
      const next = await postForm(page, '/officer/applications', {});
      expect(next.status(), `${who} taking the next in queue`).toBe(403);
      const decide = await postForm(page, `/officer/applications/${ref}`, { intent: 'approve', expectedStatus: 'submitted' });
      expect(decide.status(), `${who} approving`).toBe(403);
      expect(withoutExpectedStatus(actor.problems, [403]), who).toEqual([]);
    }

    // Logged out: sent to log in, and back to the queue afterwards.
    const stranger = await people.visitor();
    await stranger.page.goto('/officer/applications');
    await expect(stranger.page).toHaveURL(/\/login\?redirectTo=%2Fofficer%2Fapplications$/);
    await expect(stranger.page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();
  });

  const officerWong = await people.officer();
  const { page } = officerWong;
  await openReview(page, ref);
  await assignToMe(page, ref);

  await test.step('"Do not approve" without a reason asks for one', async () => {
    await page.getByLabel('Explanation for the applicant (optional)').fill('Kept after the error.');
    const refused = nextPost(page);
    await page.getByRole('button', { name: 'Do not approve' }).click();
    expect((await refused).status()).toBe(400);
    const alert = page.getByRole('main').getByRole('alert');
    await expect(alert.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    await expect(alert.getByRole('link', { name: 'Choose the reason for not approving' })).toHaveAttribute('href', '#reject-reasonCode');
    const reason = page.getByLabel('Reason', { exact: true });
    await expect(reason.locator('xpath=..')).toContainText('Choose the reason for not approving');
    await expect(reason).toHaveValue('');
    await expect(valueOf(page.getByRole('main'), 'Status')).toHaveText(`Under review — handled by ${OFFICER_NAME}`);
    await expect(timeline(page).filter({ hasText: 'Not approved' })).toHaveCount(0);
  });

  await test.step('"Send request" without a message asks for one', async () => {
    const refused = nextPost(page);
    await page.getByRole('button', { name: 'Send request' }).click();
    expect((await refused).status()).toBe(400);
    const alert = page.getByRole('main').getByRole('alert');
    await expect(alert.getByRole('link', { name: 'Write what the applicant must send' })).toHaveAttribute('href', '#request_info-note');
    await expect(valueOf(page.getByRole('main'), 'Status')).toHaveText(`Under review — handled by ${OFFICER_NAME}`);
  });

  await test.step('with a reason, the application is not approved and the shop owner is told why', async () => {
    await page.getByLabel('Reason', { exact: true }).selectOption({ label: 'The documents are incomplete' });
    await page.getByLabel('Explanation for the applicant (optional)').fill('The quotation has no company chop.');
    await page.getByRole('button', { name: 'Do not approve' }).click();
    await expect(page).toHaveURL(new RegExp(`/officer/applications/${ref}\\?done=reject$`));
    await expect(page.getByRole('main').getByRole('status')).toHaveText('Not approved. The applicant has been notified.');
    await expect(valueOf(page.getByRole('main'), 'Status')).toHaveText(`Not approved — handled by ${OFFICER_NAME}`);
    await expect(timeline(page).last()).toContainText('The documents are incomplete');

    const shop = applicant.page;
    await shop.goto('/notifications');
    const item = shop
      .getByRole('main')
      .getByRole('listitem')
      .filter({ has: shop.getByRole('heading', { name: `Application ${ref} not approved`, exact: true }) });
    await expect(item).toHaveCount(1);
    await expect(item).toContainText('Reason: The documents are incomplete');
    await expect(item).toContainText('The quotation has no company chop.');
  });

  expect(withoutExpectedStatus(officerWong.problems, [400])).toEqual([]);
});
