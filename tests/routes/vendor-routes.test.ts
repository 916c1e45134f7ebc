import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as enrolment from '../../app/routes/vendor.enrolment';
import * as listingPage from '../../app/routes/vendor.listings.$id/route';
import * as newListing from '../../app/routes/vendor.listings.new';
import * as vendorApplications from '../../app/routes/vendor.applications';
import { decideEnrolment } from '../../app/services/vendors.server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makeUser, randomBrNumber } from '../support/fixtures';
import { routeCalls, sessionForUserId } from '../support/requests';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const { callAction, callLoader } = routeCalls(() => t.db);

const enrolmentFields = () => ({
  nameEn: 'Tsuen Wan Tech Ltd',
  nameZhHk: '荃灣科技有限公司',
  brNumber: randomBrNumber(),
  contactName: 'Mr Lam',
  contactEmail: 'lam@twtech.example.hk',
  phone: '2411 2233',
  website: 'https://twtech.example.hk',
  district: 'tsuen_wan',
  trackRecord: 'Loyalty apps for 25 cafés',
  referenceCustomers: 'Café A, Café B',
  netEquityPositive: 'yes',
});

const listingFields = (overrides: Record<string, string | string[]> = {}) => ({
  category: 'customer_management',
  sector: 'fnb',
  nameEn: 'Café Stamp App',
  nameZhHk: '咖啡店印花App',
  descriptionEn: 'Digital stamp cards.',
  descriptionZhHk: '電子印花卡。',
  pricingModel: 'monthly',
  price: '380',
  minContractMonths: '24',
  deploymentDays: '14',
  featureNameEn0: 'Push coupons',
  featureNameZh0: '推送優惠券',
  featurePrice0: '120',
  featureModel0: 'monthly',
  featureContract0: '24',
  needsMet: ['bring_back', 'know_customers'],
  supportArea: 'all',
  ...overrides,
});

async function enrolledVendorSession() {
  const user = await makeUser(t.db, 'vendor');
  const session = await sessionForUserId(t.db, user.id);
  const response = await callAction(enrolment, { as: session, form: enrolmentFields() });
  expect(response.status).toBe(302);
  const vendor = await t.db.selectFrom('vendors').select('id').where('userId', '=', user.id).executeTakeFirstOrThrow();
  const officer = await makeUser(t.db, 'officer');
  await decideEnrolment({ db: t.db, officerId: officer.id, vendorId: vendor.id, approve: true, reason: null });
  return { session, userId: user.id };
}

describe('enrolment form', () => {
  it('needs the net equity declaration and a real BR number, keeping what was typed', async () => {
    const session = await sessionForUserId(t.db, (await makeUser(t.db, 'vendor')).id);
    const response = await callAction(enrolment, {
      as: session,
      form: { ...enrolmentFields(), brNumber: '12AB', netEquityPositive: '' },
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { fieldErrors: Record<string, string[]>; values: Record<string, string> };
    expect(body.fieldErrors).toMatchObject({ brNumber: ['errors:br_number_invalid'], netEquityPositive: ['vendor:net_equity_required'] });
    expect(body.values.nameZhHk).toBe('荃灣科技有限公司');
  });
});

describe('listing form', () => {
  it('a vendor not yet enrolled is sent back to the vendor home', async () => {
    const session = await sessionForUserId(t.db, (await makeUser(t.db, 'vendor')).id);
    const response = await callLoader(newListing, { as: session });
    expect(response.headers.get('Location')).toBe('/vendor');
  });

  it.each([
    ['decimals beyond cents', { price: '380.125' }, { price: ['errors:money_too_many_decimals'] }],
    ['a negative price', { price: '-380' }, { price: ['errors:money_negative'] }],
    ['an absurd price', { price: '99999999999999' }, { price: ['errors:money_too_large'] }],
    ['a subscription over the ceiling', { price: '4200' }, { price: ['vendor:rules.subscription_over_ceiling'] }],
    ['a one-off over HK$100,000', { pricingModel: 'one_off', price: '100000.01' }, { price: ['vendor:rules.one_off_over_ceiling'] }],
    ['English only', { nameZhHk: '', descriptionZhHk: '' }, { nameZhHk: ['errors:required'], descriptionZhHk: ['errors:required'] }],
    ['a feature without a price', { featurePrice0: '' }, { featurePrice0: ['vendor:feature_price_required'] }],
    [
      'a zero-priced feature after a blank row (the error lands on its own row)',
      { featureNameEn0: '', featureNameZh0: '', featurePrice0: '', featureNameEn2: 'Kiosk', featureNameZh2: '自助機', featurePrice2: '0' },
      { featurePrice2: ['vendor:rules.feature_price_missing'] },
    ],
    ['deployment over 6 months', { deploymentDays: '181' }, { deploymentDays: ['vendor:rules.deployment_too_long'] }],
    [
      'a price the programme could not pay a share of',
      { pricingModel: 'one_off', price: '0.01' },
      { price: ['vendor:rules.price_below_minimum'] },
    ],
    [
      'a feature under the minimum',
      { featureModel0: 'one_off', featurePrice0: '99.99' },
      { featurePrice0: ['vendor:rules.feature_price_below_minimum'] },
    ],
    [
      'a package its features take past the ceiling',
      { price: '4000', featurePrice0: '200' },
      { features: ['vendor:rules.features_over_ceiling'] },
    ],
    [
      'a subscription without its minimum contract',
      { minContractMonths: '' },
      { minContractMonths: ['vendor:rules.contract_months_missing'] },
    ],
    ['a contract that is not a number of months', { minContractMonths: '12.5' }, { minContractMonths: ['errors:whole_number'] }],
    ['a contract over ten years', { minContractMonths: '121' }, { minContractMonths: ['vendor:rules.contract_months_invalid'] }],
    [
      'a monthly feature without its contract',
      { featureContract0: '' },
      { featureContract0: ['vendor:rules.feature_contract_months_missing'] },
    ],
    [
      'a 36-month contract that counts 24 months over the ceiling',
      { price: '4200', minContractMonths: '36' },
      { price: ['vendor:rules.subscription_over_ceiling'] },
    ],
    // What the package states for the matcher (issue 13 §1).
    ['no need ticked', { needsMet: [] }, { needsMet: ['vendor:attributes.errors.needs_required'] }],
    ['a need that is no code', { needsMet: ['teleport'] }, { needsMet: ['errors:invalid_value'] }],
    [
      'e-payments without a payment method',
      { needsMet: ['e_payments'] },
      { paymentMethods: ['vendor:attributes.errors.methods_required'] },
    ],
    [
      'payment methods without e-payments',
      { paymentMethods: ['octopus'] },
      { paymentMethods: ['vendor:attributes.errors.methods_without_e_payments'] },
    ],
    [
      'a payment method that is no code',
      { needsMet: ['e_payments'], paymentMethods: ['bitcoin'] },
      { paymentMethods: ['errors:invalid_value'] },
    ],
    ['no outlets', { maxOutlets: '0' }, { maxOutlets: ['errors:too_small'] }],
    ['a thousand outlets', { maxOutlets: '1000' }, { maxOutlets: ['errors:too_big'] }],
    ['outlets that are not a number', { maxOutlets: '3.5' }, { maxOutlets: ['errors:whole_number'] }],
    ['seats the wrong way round', { minSeats: '60', maxSeats: '20' }, { maxSeats: ['vendor:attributes.errors.seats_order'] }],
    ['ten thousand seats', { maxSeats: '10000' }, { maxSeats: ['errors:too_big'] }],
    ['some districts but none ticked', { supportArea: 'districts' }, { supportDistricts: ['vendor:attributes.errors.districts_required'] }],
    [
      'a district that is no code',
      { supportArea: 'districts', supportDistricts: ['atlantis'] },
      { supportDistricts: ['errors:invalid_value'] },
    ],
    ['no support area', { supportArea: 'moon' }, { supportArea: ['vendor:attributes.errors.choose_support_area'] }],
  ])('refuses %s with a translated field message, writing nothing', async (_name, overrides, expected) => {
    const { session, userId } = await enrolledVendorSession();
    const response = await callAction(newListing, { as: session, form: listingFields(overrides as Record<string, string | string[]>) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { fieldErrors: unknown }).fieldErrors).toMatchObject(expected);
    const count = await t.db
      .selectFrom('solutions as s')
      .innerJoin('vendors as v', 'v.id', 's.vendorId')
      .select('s.id')
      .where('v.userId', '=', userId)
      .execute();
    expect(count).toHaveLength(0);
  });

  it('saves what the package states for the matcher, shows it again on the edit form, and the ticks survive an error', async () => {
    const { session } = await enrolledVendorSession();
    const stated = {
      needsMet: ['know_customers', 'bring_back', 'bring_back'],
      maxOutlets: '3',
      minSeats: '10',
      maxSeats: '80',
      supportArea: 'districts',
      supportDistricts: ['sham_shui_po', 'islands'],
    };
    const refused = await callAction(newListing, { as: session, form: listingFields({ ...stated, price: '' }) });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { values: Record<string, string> }).values).toMatchObject({
      needsMet: 'know_customers,bring_back,bring_back',
      supportDistricts: 'sham_shui_po,islands',
      supportArea: 'districts',
    });
    const created = await callAction(newListing, { as: session, form: listingFields(stated) });
    expect(created.status).toBe(302);
    const id = /\/vendor\/listings\/(\d+)/.exec(created.headers.get('Location') ?? '')![1]!;
    const row = await t.db
      .selectFrom('solutionVersions')
      .select(['needsMet', 'paymentMethods', 'maxOutlets', 'minSeats', 'maxSeats', 'supportDistricts'])
      .where('solutionId', '=', Number(id))
      .executeTakeFirstOrThrow();
    // Codes in the programme's order, repeats collapsed; no payment methods without e-payments.
    expect(row).toEqual({
      needsMet: ['bring_back', 'know_customers'],
      paymentMethods: null,
      maxOutlets: 3,
      minSeats: 10,
      maxSeats: 80,
      supportDistricts: ['sham_shui_po', 'islands'],
    });
    const page = (await (await callLoader(listingPage, { as: session, params: { id } })).json()) as { values: Record<string, string> };
    expect(page.values).toMatchObject({
      needsMet: 'bring_back,know_customers',
      paymentMethods: '',
      maxOutlets: '3',
      minSeats: '10',
      maxSeats: '80',
      supportArea: 'districts',
      supportDistricts: 'sham_shui_po,islands',
    });
  });

  it('saves a draft, refuses a second one in the same category and sector, and keeps HTML as text', async () => {
    const { session } = await enrolledVendorSession();
    const created = await callAction(newListing, {
      as: session,
      form: listingFields({ descriptionEn: '<b>bold</b> <script>x()</script>' }),
    });
    expect(created.status).toBe(302);
    const id = /\/vendor\/listings\/(\d+)/.exec(created.headers.get('Location') ?? '')![1]!;
    const page = (await (await callLoader(listingPage, { as: session, params: { id } })).json()) as {
      listing: {
        open: {
          descriptionEn: string;
          priceCents: number;
          minContractMonths: number | null;
          features: { priceCents: number; minContractMonths: number | null }[];
        };
      };
      values: Record<string, string>;
    };
    expect(page.listing.open.descriptionEn).toBe('<b>bold</b> <script>x()</script>');
    expect(page.listing.open.priceCents).toBe(380_00);
    expect(page.listing.open.features[0]!.priceCents).toBe(120_00);
    expect([page.listing.open.minContractMonths, page.listing.open.features[0]!.minContractMonths]).toEqual([24, 24]);
    // The edit form shows the contracts as saved.
    expect([page.values.minContractMonths, page.values.featureContract0]).toEqual(['24', '24']);

    const second = await callAction(newListing, { as: session, form: listingFields({ nameEn: 'Another' }) });
    expect(((await second.json()) as { fieldErrors: unknown }).fieldErrors).toMatchObject({
      category: ['vendor:rules.category_sector_taken'],
    });

    const submitted = await callAction(listingPage, { as: session, params: { id }, form: { intent: 'submit' } });
    expect(submitted.headers.get('Location')).toBe('/vendor/listings?done=submit');
    const again = await callAction(listingPage, { as: session, params: { id }, form: { intent: 'submit' } });
    expect(again.status).toBe(409);
  });

  it("another vendor's listing answers 404, and shop owners get 403", async () => {
    const owner = await enrolledVendorSession();
    const created = await callAction(newListing, { as: owner.session, form: listingFields() });
    const id = /\/vendor\/listings\/(\d+)/.exec(created.headers.get('Location') ?? '')![1]!;
    const other = await enrolledVendorSession();
    expect((await callLoader(listingPage, { as: other.session, params: { id } })).status).toBe(404);
    expect((await callAction(listingPage, { as: other.session, params: { id }, form: { intent: 'delist' } })).status).toBe(404);
    const shop = 'applicant@demo.matchfund.hk';
    expect((await callLoader(listingPage, { as: shop, params: { id } })).status).toBe(403);
    expect((await callLoader(vendorApplications, { as: shop })).status).toBe(403);
  });
});
