// The matcher's inputs from the database (read only): the listed catalogue of a sector, and what an enterprise can still
// get (its headroom and the categories it already has a live application in). The choosing is app/domain/matcher.ts.
import type { DB } from '../../db/client';
import { committedStatuses } from '../domain/application-lifecycle';
import { headroomCents } from '../domain/funding';
import { deriveListingAttributes, matchAttributes, storedAttributes } from '../domain/listing-attributes';
import { matchPackages, type MatchAnswers, type MatchContext, type MatchPackage, type MatchResult } from '../domain/matcher';
import { fundingRules } from './catalogue.server';
import { getCurrentSettings } from './settings.server';
import { committedCents, getOwnEnterprise } from './enterprises.server';

/**
 * The listed packages of one sector as the matcher takes them: each solution's listed (vetted) version with its
 * features. What a version states (needs, payment methods, outlets, seats, districts) is taken as stated; what it
 * does not state is read from its texts (listing-attributes.ts), and features' needs always from their names.
 */
export async function listedMatchCatalogue({ db, sector }: { db: DB; sector: string }): Promise<MatchPackage[]> {
  const rows = await db
    .selectFrom('solutions as s')
    .innerJoin('solutionVersions as v', 'v.id', 's.listedVersionId')
    .select([
      's.id',
      's.category',
      's.sector',
      's.status',
      'v.id as versionId',
      'v.status as versionStatus',
      'v.nameEn',
      'v.descriptionEn',
      'v.pricingModel',
      'v.priceCents',
      'v.needsMet',
      'v.paymentMethods',
      'v.maxOutlets',
      'v.minSeats',
      'v.maxSeats',
      'v.supportDistricts',
    ])
    .where('s.status', '=', 'listed')
    .where('s.sector', '=', sector)
    .orderBy('s.id')
    .execute();
  if (rows.length === 0) return [];
  const features = await db
    .selectFrom('solutionFeatures')
    .select(['id', 'versionId', 'nameEn', 'pricingModel', 'priceCents'])
    .where(
      'versionId',
      'in',
      rows.map((r) => r.versionId),
    )
    .orderBy('versionId')
    .orderBy('position')
    .execute();
  const byVersion = new Map<number, typeof features>();
  for (const f of features) {
    const list = byVersion.get(f.versionId);
    if (list) list.push(f);
    else byVersion.set(f.versionId, [f]);
  }

  return rows.map((row) => {
    const own = byVersion.get(row.versionId) ?? [];
    const { features: featureAttributes, ...derived } = deriveListingAttributes({
      category: row.category,
      name: row.nameEn,
      description: row.descriptionEn,
      features: own.map((f) => ({ name: f.nameEn })),
    });
    const attributes = matchAttributes({ stated: storedAttributes(row), derived });
    return {
      id: row.id,
      versionId: row.versionId,
      category: row.category,
      sector: row.sector,
      status: row.status,
      versionStatus: row.versionStatus,
      pricingModel: row.pricingModel,
      priceCents: row.priceCents,
      ...attributes,
      features: own.map((f, i) => ({ id: f.id, pricingModel: f.pricingModel, priceCents: f.priceCents, ...featureAttributes[i] })),
    };
  });
}

export type MatchForShopResult =
  { ok: true; result: MatchResult; context: MatchContext; settingsVersion: number } | { ok: false; code: 'not_found' | 'sector_not_open' };

/**
 * Matches the answers against the listed catalogue under the current settings. A visitor (no enterprise) has the full
 * cap; an owner's enterprise has the cap less its committed money, and categories with a live application are out.
 * Someone else's enterprise is `not_found`.
 */
export async function matchForShop({
  db,
  answers,
  userId,
  enterpriseId,
}: {
  db: DB;
  answers: MatchAnswers;
  userId?: number | null;
  enterpriseId?: number | null;
}): Promise<MatchForShopResult> {
  const settings = await getCurrentSettings(db);
  let committed = 0;
  let liveCategories: string[] = [];
  if (enterpriseId != null) {
    if (userId == null) return { ok: false, code: 'not_found' };
    const enterprise = await getOwnEnterprise({ db, userId, enterpriseId });
    if (!enterprise) return { ok: false, code: 'not_found' };
    [committed, liveCategories] = await Promise.all([
      committedCents({ db, enterpriseId }),
      liveApplicationCategories({ db, enterpriseId }),
    ]);
  }
  if (!settings.openSectors.includes(answers.sector)) return { ok: false, code: 'sector_not_open' };
  const rules = fundingRules(settings);
  const context: MatchContext = {
    headroomCents: headroomCents(rules.capCents, committed),
    rules: { matchBps: rules.matchBps, maxSubscriptionMonths: rules.maxSubscriptionMonths },
    liveCategories,
    openCategories: settings.openCategories,
  };
  const catalogue = await listedMatchCatalogue({ db, sector: answers.sector });
  return { ok: true, result: matchPackages({ answers, catalogue, context }), context, settingsVersion: settings.version };
}

/** Categories in which the enterprise has a live application: the programme allows one per category. */
async function liveApplicationCategories({ db, enterpriseId }: { db: DB; enterpriseId: number }): Promise<string[]> {
  const rows = await db
    .selectFrom('applications')
    .select('category')
    .distinct()
    .where('enterpriseId', '=', enterpriseId)
    .where('status', 'in', [...committedStatuses])
    .orderBy('category')
    .execute();
  return rows.map((r) => r.category);
}
