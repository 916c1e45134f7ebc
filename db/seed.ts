// Seeds an empty database: the programme and its first round, the vetted catalogue and the demo accounts.
import { sql, type Kysely, type Transaction } from 'kysely';
import { categories } from '../app/domain/programme';
import type { Database, Role } from './schema';
import type { StatedAttributes } from '../app/domain/listing-attributes';
import { SEED_CONTRACT_MONTHS, seedAttributes, seedSolutions, seedVendors } from './seed-data';

/** Stated attributes as solution_versions columns. */
function statedColumns(stated: StatedAttributes) {
  const list = (codes: readonly string[] | null) => (codes ? [...codes] : null);
  return {
    needsMet: list(stated.needsMet),
    paymentMethods: list(stated.paymentMethods),
    maxOutlets: stated.maxOutlets,
    minSeats: stated.minSeats,
    maxSeats: stated.maxSeats,
    supportDistricts: list(stated.supportDistricts),
  };
}

export const DEMO_PASSWORD = 'Matchfund-demo-2026';
/**
 * DEMO_PASSWORD hashed once with app/lib/password.server.ts's argon2id parameters (tests/db/demo-password.test.ts checks
 * it verifies and carries today's parameters), so the db layer needs nothing from app/lib (ADR 008) and seeding hashes
 * nothing. The demo password is public (README), so a fixed salt gives nothing away.
 */
export const DEMO_PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$nOAwb7HtvGDLs3qfYiYvIA$qtha/wC/d8wYApUCsnTKVAtPttSzrdHfxUmD2FaYQLo';

export const demoAccounts: { email: string; role: Role; displayName: string }[] = [
  { email: 'applicant@demo.matchfund.hk', role: 'applicant', displayName: 'Chan Tai Man' },
  { email: 'vendor@demo.matchfund.hk', role: 'vendor', displayName: 'Harbour POS sales' },
  { email: 'officer@demo.matchfund.hk', role: 'officer', displayName: 'Officer Wong' },
  { email: 'officer2@demo.matchfund.hk', role: 'officer', displayName: 'Officer Lee' },
  { email: 'admin@demo.matchfund.hk', role: 'admin', displayName: 'Programme Admin' },
];

export const PROGRAMME_CODE = 'DTSPP';

/** The first round's settings; later rounds add a new version row instead of changing code. */
export const initialSettings = {
  roundCode: '2026-R1',
  budgetCents: 500_000_000_00,
  capCents: 50_000_00,
  matchBps: 5_000,
  maxOneOffCents: 100_000_00,
  maxSubscriptionMonths: 24,
  maxSubscriptionTotalCents: 100_000_00,
  deploymentMonths: 6,
  maxEmployees: 50,
  openSectors: ['fnb', 'retail'],
  openCategories: [...categories],
  opensAt: '2026-01-01T00:00:00+08:00',
  closesAt: '2027-12-31T23:59:59+08:00',
  slaWorkingDays: 10,
};

/**
 * Seeds once: several app processes may start together on one database, so the work runs under an advisory
 * lock and is skipped when the programme row exists. `afterSeed` runs in the same transaction after the seed (the boot
 * adds the lived-in demo there, see db/demo-activity.ts), so a failure leaves nothing half-seeded.
 */
export async function seedDatabase(
  db: Kysely<Database>,
  { demo, afterSeed }: { demo: boolean; afterSeed?: (trx: Transaction<Database>) => Promise<void> },
): Promise<{ seeded: boolean }> {
  const passwordHash = demo ? DEMO_PASSWORD_HASH : '';
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('matchfund-seed'))`.execute(trx);
    const existing = await trx.selectFrom('programmes').select('id').executeTakeFirst();
    if (existing) return { seeded: false };

    const programme = await trx.insertInto('programmes').values({ code: PROGRAMME_CODE }).returning('id').executeTakeFirstOrThrow();
    await trx
      .insertInto('programmeSettings')
      .values({ programmeId: programme.id, version: 1, ...initialSettings })
      .execute();
    await trx
      .insertInto('solutionCategories')
      .values(categories.map((code, index) => ({ code, sortOrder: index + 1 })))
      .execute();

    // A handful of statements, not one per row: every start of a new database waits for this.
    const users = demo
      ? await trx
          .insertInto('users')
          .values(demoAccounts.map((account) => ({ ...account, passwordHash, locale: 'en' as const })))
          .returning(['id', 'email'])
          .execute()
      : [];
    const vendorUserId = users.find((u) => u.email === demoAccounts.find((a) => a.role === 'vendor')?.email)?.id ?? null;

    const vendors = await trx
      .insertInto('vendors')
      .values(
        seedVendors.map((vendor, index) => ({
          userId: index === 0 ? vendorUserId : null,
          nameEn: vendor.name.en,
          nameZhHk: vendor.name.zhHK,
          nameZhCn: vendor.name.zhCN,
          brNumber: vendor.brNumber,
          contactEmail: vendor.contactEmail,
          phone: vendor.phone,
          website: vendor.website,
          district: vendor.district,
          status: 'enrolled' as const,
        })),
      )
      .returning(['id', 'brNumber'])
      .execute();
    const vendorIds = new Map(seedVendors.map((vendor) => [vendor.key, vendors.find((row) => row.brNumber === vendor.brNumber)!.id]));

    const vendorIdOf = (key: string) => {
      const id = vendorIds.get(key);
      if (id === undefined) throw new Error(`Seed solution names unknown vendor ${key}`);
      return id;
    };
    // One package per vendor, category and sector (a unique index says so): that finds each row again.
    const packageKey = (vendorId: number, category: string, sector: string) => `${vendorId}/${category}/${sector}`;
    const solutions = await trx
      .insertInto('solutions')
      .values(
        seedSolutions.map((solution) => ({
          vendorId: vendorIdOf(solution.vendorKey),
          category: solution.category,
          sector: solution.sector,
          status: 'listed' as const,
        })),
      )
      .returning(['id', 'vendorId', 'category', 'sector'])
      .execute();
    const solutionIds = new Map(solutions.map((row) => [packageKey(row.vendorId, row.category, row.sector), row.id]));
    const solutionIdOf = (solution: (typeof seedSolutions)[number]) =>
      solutionIds.get(packageKey(vendorIdOf(solution.vendorKey), solution.category, solution.sector))!;

    const reviewedAt = new Date();
    const versions = await trx
      .insertInto('solutionVersions')
      .values(
        seedSolutions.map((solution) => ({
          solutionId: solutionIdOf(solution),
          version: 1,
          nameEn: solution.name.en,
          nameZhHk: solution.name.zhHK,
          nameZhCn: solution.name.zhCN,
          descriptionEn: solution.description.en,
          descriptionZhHk: solution.description.zhHK,
          descriptionZhCn: solution.description.zhCN,
          pricingModel: solution.pricingModel,
          priceCents: solution.priceCents,
          minContractMonths: solution.pricingModel === 'monthly' ? SEED_CONTRACT_MONTHS : null,
          deploymentDays: solution.deploymentDays,
          ...statedColumns(seedAttributes(solution)),
          status: 'approved' as const,
          reviewedAt,
        })),
      )
      .returning(['id', 'solutionId'])
      .execute();
    const versionIds = new Map(versions.map((row) => [row.solutionId, row.id]));
    const features = seedSolutions.flatMap((solution) =>
      solution.features.map((feature, position) => ({
        versionId: versionIds.get(solutionIdOf(solution))!,
        position,
        nameEn: feature.name.en,
        nameZhHk: feature.name.zhHK,
        nameZhCn: feature.name.zhCN,
        pricingModel: feature.pricingModel,
        priceCents: feature.priceCents,
        minContractMonths: feature.pricingModel === 'monthly' ? SEED_CONTRACT_MONTHS : null,
      })),
    );
    if (features.length > 0) await trx.insertInto('solutionFeatures').values(features).execute();
    await sql`update solutions set listed_version_id = v.id from solution_versions v where v.solution_id = solutions.id`.execute(trx);
    if (afterSeed) await afterSeed(trx);
    return { seeded: true };
  });
}
