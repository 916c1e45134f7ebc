// After approval, in a real browser: the vendor reports the solution deployed, the shop owner confirms it is in use
// and claims with an invoice and proof of payment, an officer checks the three-way match and prepares the payment,
// and a different officer releases it (maker-checker). Also a claim paid by a person, returned to the shop; and the
// programme dashboard, its CSV export and the public open-data page.
import fs from 'node:fs/promises';
import { expect, test } from './support/fixtures';
import { DEMO, DEMO_VENDOR_COMPANY, OFFICER2_NAME, OFFICER_NAME } from './support/constants';
import { escapeRegExp, hkd, hongKongToday, toCents, uniqueStamp } from './support/values';
import { mainNav, nextPost, postForm, rowWithLink, screenshot, timeline, valueOf, withoutExpectedStatus } from './support/page';
import {
  approvedApplication,
  BANK,
  BUDGET_CHART,
  chart,
  CHART_TITLES,
  checkLine,
  CHECKS,
  confirmInUse,
  CSV_HEADER,
  DOWNLOADS,
  openClaimToCheck,
  reportDeployed,
  sectionOf,
  sendClaim,
  submittedApplication,
  vendorBrNumber,
} from './support/claims';

// ── The journey ──────────────────────────────────────────────────────────────────────────────────────

test('deployed, confirmed, claimed, checked, prepared by one officer and released by another: the shop is paid', async ({ people }) => {
  test.setTimeout(240_000);
  const harbour = await people.vendor(DOWNLOADS);
  const vendorBr = await test.step("the vendor's Business Registration number, from its portal home", () => vendorBrNumber(harbour.page));
  const { applicant, business, ref, split } = await approvedApplication(people, harbour, 'Paid');
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

  const officerWong = await people.officer(DEMO.officer, DOWNLOADS);
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

  const officerLee = await people.officer(DEMO.officer2, DOWNLOADS);
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

test('a claim paid by a person does not agree, cannot be approved, and is returned to the shop with a note', async ({ people }) => {
  test.setTimeout(240_000);
  const harbour = await people.vendor(DOWNLOADS);
  const { applicant, business, ref, split } = await approvedApplication(people, harbour, 'Returned');
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

  const officerWong = await people.officer(DEMO.officer, DOWNLOADS);
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

test('the dashboard draws its charts and exports the queue as CSV; the open data names no application', async ({ people }) => {
  test.setTimeout(180_000);
  const harbour = await people.vendor(DOWNLOADS);
  // Submitted and not yet decided: in the queue, so in its export.
  const { business, ref, split } = await submittedApplication(people, harbour, 'Dashboard');

  const officerWong = await people.officer(DEMO.officer, DOWNLOADS);
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
    const visitor = await people.visitor(DOWNLOADS);
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
