// Reading the vetted catalogue and the settings as displayed (no writes here).
import { sql } from 'kysely';
import type { DB } from '../../db/client';
import type { ProgrammeSettings } from '../../db/schema';
import type { Category, Sector } from '../domain/programme';
import type { FundingRules, PricingModel } from '../domain/funding';
import { CATALOGUE_PAGE_SIZE } from '../lib/catalogue';
import { pageWindow } from '../lib/pagination';
import { createVersionedCache } from '../lib/versioned-cache';
import { countRows } from './pagination.server';
import { getCurrentSettings } from './settings.server';

export type CatalogueSort = 'price_asc' | 'price_desc' | 'name';

import type { LocalisedText } from '../domain/programme';
export type { LocalisedText };

export type SolutionCard = {
  id: number;
  category: Category;
  sector: Sector;
  name: LocalisedText;
  vendorName: LocalisedText;
  pricingModel: PricingModel;
  priceCents: number;
  /** A monthly package's minimum contract in months (null for a one-off price). */
  minContractMonths: number | null;
  deploymentDays: number;
  featureCount: number;
};

export type SolutionFeature = {
  id: number;
  name: LocalisedText;
  pricingModel: PricingModel;
  priceCents: number;
  minContractMonths: number | null;
};

export type SolutionDetail = SolutionCard & {
  versionId: number;
  version: number;
  description: LocalisedText;
  vendor: { id: number; name: LocalisedText; phone: string; contactEmail: string; website: string | null };
  features: SolutionFeature[];
};

// For display only (catalogue, home and package pages): the settings kept in memory and reused while the public version
// (bumped at commit by every settings save, migration 2026-12-02T0100) has not moved. A primary-key read of one small row
// instead of the settings row, and concurrent requests share one read. NEVER for deciding money: submissions, approvals
// and payments read the settings in force under the programme lock (settingsInForce, ADR 010).
let displayed: { version: string; settings: ProgrammeSettings } | undefined;
let versionRead: Promise<string> | undefined;

/**
 * The public version: `known` when the request already has it (a signed-in request reads it with its session,
 * getSessionState), otherwise one primary-key read shared by the requests that ask at the same time.
 */
export function publicVersionOf(db: DB, known?: string): Promise<string> {
  if (known !== undefined) return Promise.resolve(known);
  versionRead ??= sql<{ version: string }>`select version::text as version from public_version where id = 1`
    .execute(db)
    .then((result) => result.rows[0]?.version ?? '0')
    .finally(() => {
      versionRead = undefined;
    });
  return versionRead;
}

export async function displaySettings(db: DB, knownVersion?: string): Promise<ProgrammeSettings> {
  const version = await publicVersionOf(db, knownVersion);
  if (displayed?.version === version) return displayed.settings;
  const settings = await getCurrentSettings(db);
  displayed = { version, settings };
  return settings;
}

// What the catalogue and package pages read is the same for every reader and changes only with the public version
// (triggers on solutions, versions, features, vendors, categories and settings bump it at commit): kept per version.
// The data, never a page: each reader's page is still rendered for them, with their session and CSRF token.
const cataloguePages = createVersionedCache<Awaited<ReturnType<typeof listSolutions>>>({ maxEntries: 500 });
const packages = createVersionedCache<SolutionDetail | undefined>({ maxEntries: 500 });

/** listSolutions, from memory while the public version stands. */
export function listSolutionsAt(
  version: string,
  args: { db: DB; filters: CatalogueFilters; maxSubscriptionMonths: number },
): ReturnType<typeof listSolutions> {
  const { filters, maxSubscriptionMonths } = args;
  const key = JSON.stringify([filters.category, filters.sector, filters.q?.trim(), filters.sort, filters.page, maxSubscriptionMonths]);
  return cataloguePages.get(version, key, () => listSolutions(args));
}

/** getListedSolution, from memory while the public version stands. */
export function getListedSolutionAt(version: string, args: { db: DB; id: number }): Promise<SolutionDetail | undefined> {
  return packages.get(version, String(args.id), () => getListedSolution(args));
}

export function fundingRules(settings: Pick<ProgrammeSettings, 'matchBps' | 'capCents' | 'maxSubscriptionMonths'>): FundingRules {
  return { matchBps: settings.matchBps, capCents: settings.capCents, maxSubscriptionMonths: settings.maxSubscriptionMonths };
}

/** `%` and `_` typed by a user are literal characters, not wildcards. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function listedBase(db: DB) {
  return db
    .selectFrom('solutions as s')
    .innerJoin('solutionVersions as v', 'v.id', 's.listedVersionId')
    .innerJoin('vendors as vd', 'vd.id', 's.vendorId')
    .where('s.status', '=', 'listed');
}

const cardColumns = [
  's.id',
  's.category',
  's.sector',
  'v.nameEn',
  'v.nameZhHk',
  'v.nameZhCn',
  'vd.nameEn as vendorNameEn',
  'vd.nameZhHk as vendorNameZhHk',
  'vd.nameZhCn as vendorNameZhCn',
  'v.pricingModel',
  'v.priceCents',
  'v.minContractMonths',
  'v.deploymentDays',
] as const;

type CardRow = {
  id: number;
  category: string;
  sector: string;
  nameEn: string;
  nameZhHk: string;
  nameZhCn: string;
  vendorNameEn: string;
  vendorNameZhHk: string;
  vendorNameZhCn: string;
  pricingModel: PricingModel;
  priceCents: number;
  minContractMonths: number | null;
  deploymentDays: number;
  featureCount: number | string;
};

function toCard(row: CardRow): SolutionCard {
  return {
    id: row.id,
    category: row.category as Category,
    sector: row.sector as Sector,
    name: { en: row.nameEn, zhHK: row.nameZhHk, zhCN: row.nameZhCn },
    vendorName: { en: row.vendorNameEn, zhHK: row.vendorNameZhHk, zhCN: row.vendorNameZhCn },
    pricingModel: row.pricingModel,
    priceCents: row.priceCents,
    minContractMonths: row.minContractMonths,
    deploymentDays: row.deploymentDays,
    featureCount: Number(row.featureCount),
  };
}

export type CatalogueFilters = {
  category?: Category;
  sector?: Sector;
  q?: string;
  sort: CatalogueSort;
  page: number;
};

export async function listSolutions({
  db,
  filters,
  maxSubscriptionMonths,
}: {
  db: DB;
  filters: CatalogueFilters;
  maxSubscriptionMonths: number;
}): Promise<{ items: SolutionCard[]; total: number; page: number; pageCount: number }> {
  let query = listedBase(db);
  if (filters.category) query = query.where('s.category', '=', filters.category);
  if (filters.sector) query = query.where('s.sector', '=', filters.sector);
  const q = filters.q?.trim();
  if (q) {
    const pattern = likePattern(q);
    query = query.where((eb) =>
      eb.or([
        eb('v.nameEn', 'ilike', pattern),
        eb('v.nameZhHk', 'ilike', pattern),
        eb('v.nameZhCn', 'ilike', pattern),
        eb('vd.nameEn', 'ilike', pattern),
        eb('vd.nameZhHk', 'ilike', pattern),
        eb('vd.nameZhCn', 'ilike', pattern),
      ]),
    );
  }

  // The same counting as the domain's itemCostCents: a subscription's contract months, at most the round's months.
  const basicCost = sql<number>`case when v.pricing_model = 'monthly' then v.price_cents * least(coalesce(v.min_contract_months, ${maxSubscriptionMonths}), ${maxSubscriptionMonths}) else v.price_cents end`;
  let ordered = query.select(cardColumns).select((eb) =>
    eb
      .selectFrom('solutionFeatures as f')
      .whereRef('f.versionId', '=', 'v.id')
      .select((e) => e.fn.countAll<string>().as('n'))
      .as('featureCount'),
  );
  ordered =
    filters.sort === 'name' ? ordered.orderBy('v.nameEn') : ordered.orderBy(basicCost, filters.sort === 'price_desc' ? 'desc' : 'asc');
  // The count rides along with the page (a window over the filtered rows): one query, not two.
  const withTotal = ordered
    .select(sql<string>`count(*) over ()`.as('total'))
    .orderBy('s.id')
    .limit(CATALOGUE_PAGE_SIZE);
  const asked = Math.max(1, filters.page);
  let rows = await withTotal.offset((asked - 1) * CATALOGUE_PAGE_SIZE).execute();
  let count = Number(rows[0]?.total ?? 0);
  if (rows.length === 0 && asked > 1) {
    // Past the last page (a stale link): count, then show the last page, as before.
    count = await countRows(query);
    rows =
      count > 0 ? await withTotal.offset(pageWindow({ total: count, page: asked, pageSize: CATALOGUE_PAGE_SIZE }).offset).execute() : [];
  }
  const { page, pageCount } = pageWindow({ total: count, page: asked, pageSize: CATALOGUE_PAGE_SIZE });
  return { items: rows.map((row) => toCard(row as unknown as CardRow)), total: count, page, pageCount };
}

async function featuresOf(db: DB, versionIds: number[]): Promise<Map<number, SolutionFeature[]>> {
  const byVersion = new Map<number, SolutionFeature[]>();
  if (versionIds.length === 0) return byVersion;
  const rows = await db
    .selectFrom('solutionFeatures')
    .select(['id', 'versionId', 'nameEn', 'nameZhHk', 'nameZhCn', 'pricingModel', 'priceCents', 'minContractMonths'])
    .where('versionId', 'in', versionIds)
    .orderBy('versionId')
    .orderBy('position')
    .execute();
  for (const row of rows) {
    const list = byVersion.get(row.versionId) ?? [];
    list.push({
      id: row.id,
      name: { en: row.nameEn, zhHK: row.nameZhHk, zhCN: row.nameZhCn },
      pricingModel: row.pricingModel,
      priceCents: row.priceCents,
      minContractMonths: row.minContractMonths,
    });
    byVersion.set(row.versionId, list);
  }
  return byVersion;
}

/** Listed solutions by id, in the order asked; unknown or unlisted ids are left out. */
export async function getListedSolutions({ db, ids }: { db: DB; ids: number[] }): Promise<SolutionDetail[]> {
  if (ids.length === 0) return [];
  const rows = await listedBase(db)
    .select(cardColumns)
    .select([
      'v.id as versionId',
      'v.version',
      'v.descriptionEn',
      'v.descriptionZhHk',
      'v.descriptionZhCn',
      'vd.id as vendorId',
      'vd.phone',
      'vd.contactEmail',
      'vd.website',
    ])
    .where('s.id', 'in', ids)
    .execute();
  const features = await featuresOf(
    db,
    rows.map((row) => row.versionId),
  );
  const details = rows.map((row): SolutionDetail => {
    const list = features.get(row.versionId) ?? [];
    const card = toCard({ ...row, featureCount: list.length } as CardRow);
    return {
      ...card,
      versionId: row.versionId,
      version: row.version,
      description: { en: row.descriptionEn, zhHK: row.descriptionZhHk, zhCN: row.descriptionZhCn },
      vendor: { id: row.vendorId, name: card.vendorName, phone: row.phone, contactEmail: row.contactEmail, website: row.website },
      features: list,
    };
  });
  return ids.flatMap((id) => details.filter((d) => d.id === id));
}

export async function getListedSolution({ db, id }: { db: DB; id: number }): Promise<SolutionDetail | undefined> {
  const [found] = await getListedSolutions({ db, ids: [id] });
  return found;
}

export type CatalogueStats = { listedCount: number; vendorCount: number };

export async function catalogueStats(db: DB): Promise<CatalogueStats> {
  const row = await listedBase(db)
    .select((eb) => [eb.fn.countAll<string>().as('listed'), eb.fn.count<string>('s.vendorId').distinct().as('vendors')])
    .executeTakeFirstOrThrow();
  return { listedCount: Number(row.listed), vendorCount: Number(row.vendors) };
}
