import crypto from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseAddress, normalisePhone, type RiskSignal } from '../../app/domain/risk-signals';
import { submitApplication, withdrawApplication } from '../../app/services/applications.server';
import { confirmDeployment, reportDeployment, submitClaim } from '../../app/services/claims.server';
import { assignToMe, decideApplication } from '../../app/services/officer.server';
import { addressKeySql, peersQuery, phoneKeySql, riskSignalsFor } from '../../app/services/risk.server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makeDraft, makeEnterprise, makeListedSolution, makeQuotation, makeUser } from '../support/fixtures';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ max: 10 });
});
afterAll(async () => {
  await t.drop();
});

type Package = Awaited<ReturnType<typeof makeListedSolution>>;

/** A phone number and an address nobody else in this database has (the fixtures' defaults are shared by all). */
const freshPhone = () => `${crypto.randomInt(5000, 10000)} ${String(crypto.randomInt(0, 10000)).padStart(4, '0')}`;
const freshStreet = () => `${crypto.randomBytes(5).toString('hex')} Street`;

async function enterprise({
  userId,
  phone = freshPhone(),
  address = `12 ${freshStreet()}`,
}: { userId?: number; phone?: string; address?: string } = {}) {
  const ownerId = userId ?? (await makeUser(t.db)).id;
  return { userId: ownerId, enterpriseId: await makeEnterprise(t.db, ownerId, { phone, address }) };
}

/** The enterprise applies for a package (a new one of its own unless given) and, unless `draft`, submits. */
async function apply(
  shop: { userId: number; enterpriseId: number },
  {
    pkg,
    priceCents = 28_000_00,
    category = 'e_payment_pos',
    draft = false,
  }: { pkg?: Package; priceCents?: number; category?: string; draft?: boolean } = {},
) {
  const listed = pkg ?? (await makeListedSolution(t.db, { priceCents, category }));
  const quotationId = await makeQuotation(t.db, {
    userId: shop.userId,
    enterpriseId: shop.enterpriseId,
    solutionId: listed.solutionId,
    vendorUserId: listed.vendorUserId,
  });
  const reference = await makeDraft(t.db, { userId: shop.userId, quotationId });
  if (!draft) {
    const submitted = await submitApplication({ db: t.db, userId: shop.userId, reference });
    if (!submitted.ok) throw new Error(`setup: ${submitted.code}`);
  }
  return { reference, pkg: listed };
}

/** Three shops ask the same vendor's package for a quotation; the first one applies. */
async function threeQuotations(priceCents: number, pricingModel: 'one_off' | 'monthly' = 'one_off') {
  const pkg = await makeListedSolution(t.db, { priceCents, pricingModel });
  const shops = [await enterprise(), await enterprise(), await enterprise()];
  const { reference } = await apply(shops[0]!, { pkg });
  for (const shop of shops.slice(1))
    await makeQuotation(t.db, {
      userId: shop.userId,
      enterpriseId: shop.enterpriseId,
      solutionId: pkg.solutionId,
      vendorUserId: pkg.vendorUserId,
    });
  return reference;
}

const signalsOf = (reference: string) => riskSignalsFor({ db: t.db, reference });
const only = (signals: RiskSignal[], code: RiskSignal['code']) => signals.filter((s) => s.code === code);

describe('riskSignalsFor', () => {
  it('raises nothing for an ordinary application, and nothing for an unknown reference or a draft', async () => {
    const shop = await enterprise();
    const { reference } = await apply(shop);
    expect(await signalsOf(reference)).toEqual([]);
    expect(await signalsOf('DTS-2026-999999')).toEqual([]);
    const { reference: draft } = await apply(shop, { category: 'online_promotion', draft: true });
    expect(await signalsOf(draft)).toEqual([]);
  });

  describe('same_phone', () => {
    it('counts other enterprises with the same digits and lists only their live applications', async () => {
      const digits = String(crypto.randomInt(50_000_000, 100_000_000));
      const spaced = `${digits.slice(0, 4)} ${digits.slice(4)}`;
      const a = await enterprise({ phone: spaced });
      const b = await enterprise({ phone: digits });
      const c = await enterprise({ phone: `${digits.slice(0, 4)}-${digits.slice(4)}` });
      const stranger = await enterprise({ phone: `${digits.slice(0, 7)}${(Number(digits[7]) + 1) % 10}` });
      const mine = await apply(a);
      const theirs = await apply(b);
      await apply(c, { draft: true }); // a draft is not a live application
      await apply(stranger);

      expect(only(await signalsOf(mine.reference), 'same_phone')).toEqual([
        { code: 'same_phone', severity: 'warning', params: { enterpriseCount: 2, applicationCount: 1, references: [theirs.reference] } },
      ]);
      // Seen from the other side too.
      expect(only(await signalsOf(theirs.reference), 'same_phone')[0]?.params).toMatchObject({
        enterpriseCount: 2,
        references: [mine.reference],
      });

      // Once the other application is withdrawn, only the shared number remains: a note, not a warning.
      expect(await withdrawApplication({ db: t.db, userId: b.userId, reference: theirs.reference })).toEqual({ ok: true });
      expect(only(await signalsOf(mine.reference), 'same_phone')).toEqual([
        { code: 'same_phone', severity: 'info', params: { enterpriseCount: 2, applicationCount: 0, references: [] } },
      ]);
    });

    it('does not fire on a number one digit apart', async () => {
      const a = await enterprise({ phone: '6123 4567' });
      await apply(await enterprise({ phone: '6123 4568' }));
      expect(only(await signalsOf((await apply(a)).reference), 'same_phone')).toEqual([]);
    });
  });

  describe('same_address', () => {
    it('matches addresses that differ only in case, spacing, punctuation and Flat/Room wording', async () => {
      const street = freshStreet();
      const a = await enterprise({ address: `Flat A, 3/F, 12 ${street}` });
      const b = await enterprise({ address: `room a 3/f 12 ${street.toUpperCase()}.` });
      const otherFlat = await enterprise({ address: `Flat B, 3/F, 12 ${street}` });
      const mine = await apply(a);
      const theirs = await apply(b);
      await apply(otherFlat);

      expect(only(await signalsOf(mine.reference), 'same_address')).toEqual([
        { code: 'same_address', severity: 'info', params: { enterpriseCount: 1, applicationCount: 1, references: [theirs.reference] } },
      ]);
      // Two applications at one address are not "many".
      expect(only(await signalsOf(mine.reference), 'many_at_address')).toEqual([]);
    });
  });

  describe('many_at_address', () => {
    it('fires from 3 live applications of at least two enterprises at one address', async () => {
      const address = `Shop 3, G/F, 8 ${freshStreet()}`;
      const x = await enterprise({ address });
      const y = await enterprise({ address: address.toLowerCase() });
      const first = await apply(x);
      await apply(y);
      expect(only(await signalsOf(first.reference), 'many_at_address')).toEqual([]);

      await apply(x, { category: 'online_promotion' });
      const expected = { code: 'many_at_address', severity: 'warning', params: { applicationCount: 3, enterpriseCount: 2, threshold: 3 } };
      expect(only(await signalsOf(first.reference), 'many_at_address')).toEqual([expected]);

      const z = await enterprise({ address });
      const late = await apply(z);
      expect(only(await signalsOf(late.reference), 'many_at_address')).toEqual([
        { ...expected, params: { ...expected.params, applicationCount: 4, enterpriseCount: 3 } },
      ]);
    });

    it('does not fire for one enterprise with an application in each category at its own address', async () => {
      const shop = await enterprise();
      const references = [];
      for (const category of ['e_payment_pos', 'online_promotion', 'customer_management'])
        references.push((await apply(shop, { category })).reference);
      for (const reference of references) expect(await signalsOf(reference)).toEqual([]);
    });
  });

  describe('same_owner', () => {
    it("lists the account's other enterprises that applied, not the ones that did not", async () => {
      const owner = await makeUser(t.db);
      const first = await enterprise({ userId: owner.id });
      const second = await enterprise({ userId: owner.id });
      const third = await enterprise({ userId: owner.id }); // only a draft
      await enterprise({ userId: owner.id }); // never applied
      const mine = await apply(first);
      const theirs = await apply(second);
      await apply(third, { draft: true });

      expect(only(await signalsOf(mine.reference), 'same_owner')).toEqual([
        { code: 'same_owner', severity: 'info', params: { enterpriseCount: 1, applicationCount: 1, references: [theirs.reference] } },
      ]);
    });

    it('does not fire when the account has only one enterprise that applied', async () => {
      const owner = await makeUser(t.db);
      const shop = await enterprise({ userId: owner.id });
      await enterprise({ userId: owner.id });
      expect(only(await signalsOf((await apply(shop)).reference), 'same_owner')).toEqual([]);
    });
  });

  describe('quotes_near_ceiling', () => {
    it.each([
      ['HK$95,000.00: exactly 5% below the HK$100,000 ceiling', 95_000_00, true],
      ['HK$94,999.99: just outside 5%', 94_999_99, false],
    ])('three quotations at %s → %s', async (_name, priceCents, fires) => {
      const reference = await threeQuotations(priceCents);
      expect(only(await signalsOf(reference), 'quotes_near_ceiling')).toEqual(
        fires ? [{ code: 'quotes_near_ceiling', severity: 'warning', params: { nearCount: 3, quotationCount: 3 } }] : [],
      );
    });

    it('does not fire on fewer than three quotations, however close', async () => {
      const pkg = await makeListedSolution(t.db, { priceCents: 99_000_00 });
      const { reference } = await apply(await enterprise(), { pkg });
      const other = await enterprise();
      await makeQuotation(t.db, {
        userId: other.userId,
        enterpriseId: other.enterpriseId,
        solutionId: pkg.solutionId,
        vendorUserId: pkg.vendorUserId,
      });
      expect(only(await signalsOf(reference), 'quotes_near_ceiling')).toEqual([]);
    });
  });

  describe('invoice_at_cap', () => {
    async function approvedAndDeployed(priceCents: number) {
      const shop = await enterprise();
      const { reference, pkg } = await apply(shop, { priceCents });
      const officer = await makeUser(t.db, 'officer');
      expect((await assignToMe({ db: t.db, officerId: officer.id, reference })).ok).toBe(true);
      expect(
        (
          await decideApplication({
            db: t.db,
            officerId: officer.id,
            reference,
            expectedStatus: 'under_review',
            decision: { action: 'approve' },
          })
        ).ok,
      ).toBe(true);
      expect(await reportDeployment({ db: t.db, vendorUserId: pkg.vendorUserId, reference })).toEqual({ ok: true });
      expect(await confirmDeployment({ db: t.db, userId: shop.userId, reference })).toEqual({ ok: true });
      const claim = async (invoicedCents: number) => {
        const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
        const pdf = (name: string) => ({ bytes: new TextEncoder().encode(`%PDF-1.4 ${name}`), filename: `${name}.pdf` });
        const result = await submitClaim({
          db: t.db,
          userId: shop.userId,
          reference,
          input: {
            invoiceNumber: 'INV-1',
            invoiceDate: today,
            invoicedCents,
            paidCents: invoicedCents,
            paidOn: today,
            payerName: 'Lucky Noodle House Ltd',
            bankAccount: { bankCode: '024', branchCode: '123', accountNumber: '456789012', accountName: 'Test Business Ltd' },
            invoice: pdf('invoice'),
            proofOfPayment: pdf('payment'),
          },
        });
        expect(result).toEqual({ ok: true });
      };
      return { reference, claim };
    }

    it('notes an enterprise whose committed funding is exactly the cap, and warns of a claim whose match is exactly the cap', async () => {
      const { reference, claim } = await approvedAndDeployed(100_000_00);
      const committed = {
        code: 'invoice_at_cap',
        severity: 'info',
        params: { basis: 'committed', committedCents: 50_000_00, capCents: 50_000_00 },
      };
      expect(only(await signalsOf(reference), 'invoice_at_cap')).toEqual([committed]);
      await claim(100_000_00);
      expect(only(await signalsOf(reference), 'invoice_at_cap')).toEqual([
        { code: 'invoice_at_cap', severity: 'warning', params: { basis: 'claim', invoicedCents: 100_000_00, capCents: 50_000_00 } },
        committed,
      ]);
    });

    it('stays silent for an ordinary claim and a commitment one cent under the cap', async () => {
      const ordinary = await approvedAndDeployed(28_000_00);
      await ordinary.claim(28_000_00);
      expect(await signalsOf(ordinary.reference)).toEqual([]);
      const { reference } = await apply(await enterprise(), { priceCents: 99_999_98 });
      expect(only(await signalsOf(reference), 'invoice_at_cap')).toEqual([]);
    });
  });
});

describe('SQL keys', () => {
  const addressText = fc
    .array(
      fc.constantFrom(
        ...'aAzZ09 ,./-#()\'"'.split(''),
        ...'ＡＢａ０１，（）　'.split(''),
        ...'九龍福榮街號、。「」‧·—…'.split(''),
        '\u00A0',
        'Flat ',
        'RM.',
        'fl',
        'at',
        'Showroom',
        'unit',
      ),
      { maxLength: 30 },
    )
    .map((parts) => parts.join(''));
  const phoneText = fc.array(fc.constantFrom(...'0123456789 +-()x２'.split('')), { maxLength: 16 }).map((parts) => parts.join(''));

  it('the database computes exactly the keys the domain defines', async () => {
    const [addresses, phones] = [fc.sample(addressText, 400), fc.sample(phoneText, 200)];
    const keys = async (values: string[], key: (column: string) => ReturnType<typeof phoneKeySql>) => {
      const { rows } = await sql<{
        k: string;
      }>`select ${key('v')} as k from unnest(${values}::text[]) with ordinality as input(v, n) order by n`.execute(t.db);
      return rows.map((row) => row.k);
    };
    expect(await keys(addresses, addressKeySql)).toEqual(addresses.map(normaliseAddress));
    expect(await keys(phones, phoneKeySql)).toEqual(phones.map(normalisePhone));
  });

  it('are the expressions the migration indexes: the lookups use those indexes', async () => {
    await sql`analyze enterprises`.execute(t.db);
    const plans = await t.db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const plan = async (link: Parameters<typeof peersQuery>[1]['link']) =>
        (await peersQuery(trx, { link, enterpriseId: 1 }).explain()).map((row) => String(Object.values(row)[0])).join('\n');
      return {
        phone: await plan({ by: 'phone', key: '23456789' }),
        address: await plan({ by: 'address', key: '12fukwingstreet' }),
        owner: await plan({ by: 'owner', ownerUserId: 1 }),
      };
    });
    expect(plans.phone).toContain('enterprises_phone_key_idx');
    expect(plans.address).toContain('enterprises_address_key_idx');
    expect(plans.owner).toContain('enterprises_owner_idx');
    for (const plan of Object.values(plans)) expect(plan).toContain('applications_enterprise_idx');
  });
});

describe('ceilings from the current settings', () => {
  // Last in the file: it publishes a new settings version for everything after it.
  it('measures subscriptions against the subscription ceiling, one-off packages against the one-off ceiling', async () => {
    const latest = await t.db.selectFrom('programmeSettings').selectAll().orderBy('version', 'desc').executeTakeFirstOrThrow();
    const { id: _id, createdAt: _createdAt, ...copy } = latest;
    await t.db
      .insertInto('programmeSettings')
      .values({ ...copy, version: latest.version + 1, maxSubscriptionTotalCents: 80_000_00 })
      .execute();
    // HK$3,300 a month × 24 = HK$79,200: just under the HK$80,000 subscription ceiling, far from the one-off one.
    const subscription = await threeQuotations(3_300_00, 'monthly');
    expect(only(await signalsOf(subscription), 'quotes_near_ceiling')).toEqual([
      { code: 'quotes_near_ceiling', severity: 'warning', params: { nearCount: 3, quotationCount: 3 } },
    ]);
    const oneOff = await threeQuotations(79_200_00);
    expect(only(await signalsOf(oneOff), 'quotes_near_ceiling')).toEqual([]);
  });
});
