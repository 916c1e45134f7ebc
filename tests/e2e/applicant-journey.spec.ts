// The shop owner's way from a business profile to a submitted funding application, in a real browser: business
// form, eligibility, an enquiry the demo vendor confirms with a quotation, the application with its declarations
// and quotation document, the HK$50,000 ceiling across applications, withdrawal, Traditional Chinese, the same
// form without JavaScript, and bad input (a disguised file, someone else's application, a half-filled profile).
import { expect, test } from './support/fixtures';
import { CAP_CENTS, DECLARATIONS } from './support/constants';
import { type CalculatorSplit, expectedSplit, hkd, hongKongYear, uniqueStamp } from './support/values';
import { mainNav, screenshot, timeline, valueOf, watchForPageErrors, withoutExpectedStatus } from './support/page';
import { logOut, registerApplicant } from './support/people';
import {
  addBusiness,
  applyWithQuotation,
  dearestPerCategory,
  demoVendor,
  enquiryRow,
  expectAccountHeadroom,
  fillBusinessForm,
  htmlPretendingToBePdf,
  openApplyForm,
  type PackageInfo,
  quotationPdf,
  sendEnquiry,
  submitAndCheck,
  vendorConfirms,
  YES_NO_QUESTIONS,
  yesNo,
} from './support/applying';

// ── The journey ──────────────────────────────────────────────────────────────────────────────────────────────

test('a new shop owner adds a business, gets a quotation, applies, meets the funding ceiling and withdraws', async ({ page, people }) => {
  test.setTimeout(240_000);
  const problems = watchForPageErrors(page);
  const vendor = await demoVendor(people);
  // The dearest package (with every feature) in each category the demo vendor serves: the first carries the
  // journey, the others push the business towards the ceiling.
  const [journeyPackage, ...morePackages] = dearestPerCategory(vendor.packages);
  expect(journeyPackage, 'the demo vendor lists at least one package').toBeDefined();
  const first = journeyPackage!;

  const applicant = await test.step('register as a new shop owner', () => registerApplicant(page, 'Journey'));
  const business = await test.step('add a business and see it meets every rule', () => addBusiness(page, 'Journey', { screenshots: true }));

  let committed = 0; // the programme's share across the business's live applications, as the test works it out
  const submitted: { ref: string; pkg: PackageInfo; split: CalculatorSplit }[] = [];

  const firstMessage = `We need it for one shop in Mong Kok (${business.nameEn}).`;
  const firstCost = await test.step(`enquire on "${first.name}" with every optional feature`, () =>
    sendEnquiry(page, { pkg: first, business, committed, withFeatures: true, message: firstMessage }));
  expect(firstCost).toBe(first.fullCents);

  await test.step('the demo vendor confirms the enquiry with a quotation at the listed price', () =>
    vendorConfirms(page, {
      applicant,
      business,
      enquiries: [{ pkg: first, cost: firstCost, message: firstMessage, features: first.features.length }],
      screenshotName: 'vendor-inbox.png',
    }));

  await test.step('apply with the quotation, check the answers and submit', async () => {
    const ref = await applyWithQuotation(page, {
      pkg: first,
      business,
      vendorCompany: vendor.company,
      cost: firstCost,
      committed,
      document: quotationPdf('journey'),
    });
    await screenshot(page, 'check-your-answers.png');
    const split = expectedSplit(firstCost, committed);
    // The programme pays half, rounded down to the cent, capped at HK$50,000.
    expect(split.programme).toBe(Math.min(Math.floor(firstCost / 2), CAP_CENTS));
    await submitAndCheck(page, ref, split);
    await screenshot(page, 'application-submitted.png');
    committed += split.programme;
    submitted.push({ ref, pkg: first, split });

    // The enquiry now points at the application instead of offering to apply again.
    await mainNav(page).getByRole('link', { name: 'Enquiries', exact: true }).click();
    await expect(enquiryRow(page, first).getByRole('link', { name: ref })).toBeVisible();
    await expect(enquiryRow(page, first).getByRole('link', { name: 'Apply for funding' })).toHaveCount(0);
  });

  await test.step('more applications in the other categories count against the HK$50,000 ceiling', async () => {
    const reachable = [first, ...morePackages].reduce((sum, pkg) => sum + Math.floor(pkg.fullCents / 2), 0) >= CAP_CENTS;
    test.info().annotations.push({
      type: 'ceiling',
      description: reachable
        ? `The demo vendor's packages in ${morePackages.length + 1} categories reach the ceiling.`
        : `The demo vendor serves ${morePackages.length + 1} categories; their dearest packages add up to ` +
          `${hkd([first, ...morePackages].reduce((sum, pkg) => sum + Math.floor(pkg.fullCents / 2), 0))} of funding, under the ceiling: ` +
          'the remaining headroom is checked on each application form instead of a refusal.',
    });
    if (morePackages.length === 0) return;

    const enquiries: { pkg: PackageInfo; cost: number; message: string; features: number }[] = [];
    for (const pkg of morePackages) {
      const message = `Also interested in ${pkg.name}.`;
      const cost = await sendEnquiry(page, { pkg, business, committed, withFeatures: true, message });
      expect(cost).toBe(pkg.fullCents);
      enquiries.push({ pkg, cost, message, features: pkg.features.length });
    }
    await vendorConfirms(page, { applicant, business, enquiries });

    for (const { pkg, cost } of enquiries) {
      const ref = await applyWithQuotation(page, {
        pkg,
        business,
        vendorCompany: vendor.company,
        cost,
        committed,
        document: quotationPdf(pkg.name),
      });
      const split = expectedSplit(cost, committed);
      if (split.programme === 0) {
        // Nothing left under the ceiling: the draft is saved, but submitting it is refused.
        await page.getByRole('button', { name: 'Submit application' }).click();
        const alert = page.getByRole('main').getByRole('alert');
        await expect(alert.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
        await expect(alert).toContainText('Your business has no funding left under the HK$50,000 ceiling (remaining: HK$0.00).');
        await expect(valueOf(page.getByRole('main'), 'Status')).toHaveText('Draft');
        problems.splice(0, problems.length, ...withoutExpectedStatus(problems, [409]));
        continue;
      }
      // The programme pays what is left when less than half the cost is left.
      await submitAndCheck(page, ref, split);
      committed += split.programme;
      submitted.push({ ref, pkg, split });
    }
    expect(committed).toBe(submitted.reduce((sum, s) => sum + s.split.programme, 0));
    expect(committed).toBeLessThanOrEqual(CAP_CENTS);

    // My applications lists each with the amounts it was given.
    await mainNav(page).getByRole('link', { name: 'Applications', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My applications' })).toBeVisible();
    for (const { ref, split } of submitted) {
      const row = page
        .getByRole('main')
        .getByRole('row')
        .filter({ has: page.getByRole('link', { name: ref }) });
      await expect(row).toContainText('Submitted');
      await expect(row).toContainText(hkd(split.programme));
      await expect(row).toContainText(hkd(split.shop));
    }
  });

  await test.step('withdrawing an application gives its funding back', async () => {
    await expectAccountHeadroom(page, first, committed);
    const last = submitted[submitted.length - 1]!;
    await page.goto(`/applications/${last.ref}`);
    await page.getByText('Withdraw this application', { exact: true }).click();
    await page.getByLabel('Reason (optional)').fill('We chose to wait for the next batch.');
    await page.getByRole('button', { name: 'Withdraw', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/applications/${last.ref}\\?withdrawn=1$`));
    await expect(page.getByRole('main').getByRole('status')).toHaveText('The application has been withdrawn.');
    await expect(valueOf(page.getByRole('main'), 'Status')).toHaveText('Withdrawn');
    const events = timeline(page);
    await expect(events).toHaveCount(3);
    await expect(events.nth(2)).toContainText('Withdrawn');
    await expect(events.nth(2)).toContainText('We chose to wait for the next batch.');
    await expect(page.getByText('Withdraw this application', { exact: true })).toHaveCount(0);
    committed -= last.split.programme;
    submitted.pop();
    await expectAccountHeadroom(page, first, committed);
  });

  await test.step('the application page in Traditional Chinese', async () => {
    const { ref, split } = submitted[0]!;
    await page.goto(`/applications/${ref}`);
    await page.getByRole('button', { name: '繁體中文' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-HK');
    await expect(page).toHaveURL(new RegExp(`/applications/${ref}$`));
    await expect(page.getByRole('heading', { level: 1, name: `申請 ${ref}` })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: '處理紀錄' })).toBeVisible();
    const main = page.getByRole('main');
    await expect(valueOf(main, '狀態')).toHaveText('已提交');
    await expect(valueOf(main, '申請編號')).toHaveText(ref);
    await expect(valueOf(main, '企業')).toHaveText(business.nameZh);
    const events = timeline(page, '處理紀錄');
    await expect(events).toHaveCount(2);
    await expect(events.nth(0)).toContainText('已儲存草稿');
    await expect(events.nth(1)).toContainText('已提交申請');
    await expect(main).toContainText(hkd(split.programme));
    await expect(mainNav(page, '主選單').getByRole('link', { name: `已登入：${applicant.name}` })).toBeVisible();
    await screenshot(page, 'application-zh-HK.png');
  });

  expect(problems).toEqual([]);
});

// ── Without JavaScript ───────────────────────────────────────────────────────────────────────────────────────

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the application form, the vendor inbox and submission work as plain HTML forms', async ({ page, people }) => {
    test.setTimeout(120_000);
    const problems = watchForPageErrors(page);
    const vendor = await demoVendor(people);
    // The cheapest package keeps this shop far from the ceiling.
    const pkg = [...vendor.packages].sort((a, b) => a.basicCents - b.basicCents)[0]!;

    const applicant = await registerApplicant(page, 'NoJS');
    const business = await addBusiness(page, 'NoJS');
    const message = 'Asked without JavaScript.';
    const cost = await sendEnquiry(page, { pkg, business, committed: 0, withFeatures: false, message });
    expect(cost).toBe(pkg.basicCents);
    await vendorConfirms(page, { applicant, business, enquiries: [{ pkg, cost, message, features: 0 }] });

    await openApplyForm(page, pkg, cost);
    const formUrl = page.url();

    await test.step('one declaration left unticked: the form comes back with the problem', async () => {
      const declarations = page.getByRole('group', { name: 'Declarations' });
      const left = DECLARATIONS[3];
      const ticked = DECLARATIONS.filter((declaration) => declaration !== left);
      for (const declaration of ticked) await declarations.getByRole('checkbox', { name: declaration }).check();
      await page.getByLabel('Quotation document').setInputFiles(quotationPdf('nojs'));
      await page.getByRole('button', { name: 'Save and continue' }).click();

      const summary = page.getByRole('alert');
      await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
      // The summary repeats the inline words and links to the first declaration left unticked.
      await expect(summary.getByRole('link', { name: 'Tick every declaration to apply', exact: true })).toHaveAttribute(
        'href',
        '#deploy_within_six_months',
      );
      await expect(declarations.getByText('Tick every declaration to apply')).toBeVisible();
      expect(page.url()).toBe(formUrl);
      // What was ticked stays ticked; the unticked one is still unticked.
      for (const declaration of ticked) await expect(declarations.getByRole('checkbox', { name: declaration })).toBeChecked();
      await expect(declarations.getByRole('checkbox', { name: left })).not.toBeChecked();
    });

    await test.step('tick it, attach the quotation again, save, check and submit', async () => {
      await page.getByRole('group', { name: 'Declarations' }).getByRole('checkbox', { name: DECLARATIONS[3] }).check();
      await page.getByLabel('Quotation document').setInputFiles(quotationPdf('nojs'));
      await page.getByRole('button', { name: 'Save and continue' }).click();
      const reference = new RegExp(`/applications/(DTS-${hongKongYear()}-\\d{6})/check$`);
      await expect(page).toHaveURL(reference);
      const ref = reference.exec(page.url())![1]!;
      await expect(page.getByRole('heading', { level: 1, name: 'Check your answers before submitting' })).toBeVisible();
      await expect(valueOf(page.getByRole('main'), 'Eligible cost')).toHaveText(hkd(cost));
      await expect(valueOf(page.getByRole('main'), 'Programme pays')).toHaveText(hkd(expectedSplit(cost, 0).programme));
      await submitAndCheck(page, ref, expectedSplit(cost, 0));
    });

    // The refused form came back as a 400 page, which the browser notes in the console; nothing else may.
    expect(withoutExpectedStatus(problems, [400])).toEqual([]);
  });
});

// ── Bad input ────────────────────────────────────────────────────────────────────────────────────────────────

test('bad input: a disguised file, someone else’s application and a half-filled business profile', async ({ page, people }) => {
  test.setTimeout(120_000);
  const problems = watchForPageErrors(page);
  const vendor = await demoVendor(people);
  const pkg = [...vendor.packages].sort((a, b) => a.basicCents - b.basicCents)[0]!;

  const owner = await registerApplicant(page, 'Owner');
  const business = await addBusiness(page, 'Owner');
  const message = 'Please quote.';
  const cost = await sendEnquiry(page, { pkg, business, committed: 0, withFeatures: false, message });
  await vendorConfirms(page, { applicant: owner, business, enquiries: [{ pkg, cost, message, features: 0 }] });

  const { ref, documentHref } = await test.step('an HTML page named quotation.pdf is refused on its content', async () => {
    await openApplyForm(page, pkg, cost);
    const declarations = page.getByRole('group', { name: 'Declarations' });
    for (const declaration of DECLARATIONS) await declarations.getByRole('checkbox', { name: declaration }).check();
    await page.getByLabel('Quotation document').setInputFiles(htmlPretendingToBePdf());
    await page.getByRole('button', { name: 'Save and continue' }).click();

    const summary = page.getByRole('alert');
    await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    await expect(summary.getByRole('link', { name: 'The file must be a PDF, JPEG or PNG', exact: true })).toHaveAttribute(
      'href',
      '#document',
    );
    await expect(page.locator('#document-error')).toHaveText('Error: The file must be a PDF, JPEG or PNG');
    // With JavaScript the summary takes the focus and the title says there is an error.
    await expect(summary).toBeFocused();
    await expect(page).toHaveTitle(/^Error: Apply for funding/);
    await expect(page).toHaveURL(/\/applications\/new\?quotation=\d+$/);
    for (const declaration of DECLARATIONS) await expect(declarations.getByRole('checkbox', { name: declaration })).toBeChecked();
    await page.goto('/applications');
    await expect(page.getByRole('main')).toContainText('You have no applications yet.');

    // The real quotation goes through.
    await openApplyForm(page, pkg, cost);
    for (const declaration of DECLARATIONS)
      await page.getByRole('group', { name: 'Declarations' }).getByRole('checkbox', { name: declaration }).check();
    await page.getByLabel('Quotation document').setInputFiles(quotationPdf('owner'));
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Check your answers before submitting' })).toBeVisible();
    const reference = /\/applications\/(DTS-\d{4}-\d{6})\/check$/.exec(page.url())![1]!;
    const href = await valueOf(page.getByRole('main'), 'Documents').getByRole('link', { name: 'quotation.pdf' }).getAttribute('href');
    expect(href).toMatch(new RegExp(`^/applications/${reference}/documents/\\d+$`));
    return { ref: reference, documentHref: href! };
  });

  await logOut(page);
  await registerApplicant(page, 'Stranger');

  await test.step('another shop owner cannot open the application or its document', async () => {
    const response = await page.goto(`/applications/${ref}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Go to the home page' })).toBeVisible();
    await expect(page.getByText(business.nameEn)).toHaveCount(0);
    await expect(page.getByText(ref)).toHaveCount(0);
    const download = await page.request.get(documentHref);
    expect(download.status()).toBe(404);
  });

  await test.step('a business form with a short BR number and no Yes/No answers shows every problem at once', async () => {
    await page.goto('/businesses/new');
    const typed = { nameEn: `Half Filled Noodles ${uniqueStamp()}`, nameZh: '半填麵家', brNumber: '1234' };
    await fillBusinessForm(page, typed, { answerYesNo: false });
    await page.getByRole('button', { name: 'Save business profile' }).click();

    const summary = page.getByRole('alert');
    await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    const expected: [field: string, label: string, message: string][] = [
      ['brNumber', 'Business Registration number', 'Enter the 8 digits of the Business Registration number'],
      ['isGroupMember', YES_NO_QUESTIONS[0], 'Choose yes or no'],
      ['hasSubstantiveBusiness', YES_NO_QUESTIONS[1], 'Choose yes or no'],
      ['isListedCompany', YES_NO_QUESTIONS[2], 'Choose yes or no'],
      ['isStatutoryBody', YES_NO_QUESTIONS[3], 'Choose yes or no'],
      ['isSubvented', YES_NO_QUESTIONS[4], 'Choose yes or no'],
    ];
    await expect(summary.getByRole('link')).toHaveCount(expected.length);
    // Each link carries the inline words and leads to its own field.
    for (const [field, , text] of expected) await expect(summary.locator(`a[href="#${field}"]`)).toHaveText(text);
    const brNumber = page.getByLabel('Business Registration number', { exact: true });
    await expect(brNumber).toHaveAttribute('aria-invalid', 'true');
    await expect(brNumber).toHaveAccessibleDescription(/Enter the 8 digits of the Business Registration number/);
    for (const question of YES_NO_QUESTIONS) {
      await expect(yesNo(page, question)).toHaveAccessibleDescription(/Choose yes or no/);
      await expect(yesNo(page, question).getByRole('radio', { checked: true })).toHaveCount(0);
    }
    // What was typed is still there.
    await expect(page.getByLabel('Business name in English')).toHaveValue(typed.nameEn);
    await expect(page.getByLabel('Business name in Chinese')).toHaveValue(typed.nameZh);
    await expect(brNumber).toHaveValue('1234');
    await expect(page.getByLabel('Business address in Hong Kong')).toHaveValue('G/F, 12 Tung Choi Street, Mong Kok');
    await expect(page.getByLabel('District', { exact: true })).toHaveValue('yau_tsim_mong');
    await expect(page).toHaveURL(/\/businesses\/new$/);
    await mainNav(page).getByRole('link', { name: 'My businesses' }).click();
    await expect(page.getByRole('main')).toContainText('You have not added a business yet.');
  });

  expect(withoutExpectedStatus(problems, [400, 404])).toEqual([]);
});
