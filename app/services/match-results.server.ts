// What the results page of "Find what fits my shop" shows (read only): the matcher's sets for the answers, with the
// packages' names in three languages, worked out for the owner's chosen business or, for anyone else, the full cap.
import type { DB } from '../../db/client';
import { setKey, type PickView, type SetView } from '../domain/match-reason';
import type { ExcludedCategory, MatchAnswers, MatchSet } from '../domain/matcher';
import { getListedSolutions } from './catalogue.server';
import { getCurrentSettings } from './settings.server';
import { listEnterprises } from './enterprises.server';
import { matchForShop } from './matcher.server';

export type { PickView, SetView };

export type BusinessView = { id: number; nameEn: string; nameZh: string; sector: string };

export type MatchResultsView =
  | {
      ok: true;
      businesses: BusinessView[];
      /** The business the sets are worked out for; null = the full cap (a visitor, or an owner who has not chosen). */
      business: BusinessView | null;
      capCents: number;
      headroomCents: number;
      sets: SetView[];
      excludedCategories: ExcludedCategory[];
    }
  | { ok: false; code: 'not_found' | 'sector_not_open' };

/**
 * The results for an applicant (`userId`) or a visitor. An owner with one business gets it by default; with several,
 * `enterpriseId` chooses (someone else's is `not_found`).
 */
export async function matchResultsView({
  db,
  answers,
  applicantId,
  enterpriseId,
}: {
  db: DB;
  answers: MatchAnswers;
  applicantId: number | null;
  enterpriseId: number | null;
}): Promise<MatchResultsView> {
  const rows = applicantId !== null ? await listEnterprises({ db, userId: applicantId }) : [];
  if (enterpriseId !== null && !rows.some((r) => r.id === enterpriseId)) return { ok: false, code: 'not_found' };
  const businesses = rows.map((r) => ({ id: r.id, nameEn: r.legalNameEn, nameZh: r.legalNameZh, sector: r.sector }));
  const chosenId = enterpriseId ?? (businesses.length === 1 ? businesses[0]!.id : null);
  const business = businesses.find((b) => b.id === chosenId) ?? null;

  const [found, settings] = await Promise.all([
    matchForShop({ db, answers, userId: applicantId, enterpriseId: business?.id ?? null }),
    getCurrentSettings(db),
  ]);
  if (!found.ok) return found;
  const all: MatchSet[] = [found.result.best, ...found.result.alternatives];
  const details = await getListedSolutions({ db, ids: [...new Set(all.flatMap((s) => s.picks.map((p) => p.packageId)))] });
  const byId = new Map(details.map((d) => [d.id, d]));
  const sets = all.map((set): SetView => ({
    objective: set.objective,
    key: setKey(set),
    needsCovered: set.needsCovered,
    needsUncovered: set.needsUncovered,
    costCents: set.costCents,
    programmeCents: set.programmeCents,
    shopCents: set.shopCents,
    headroomAfterCents: set.headroomAfterCents,
    picks: set.picks.flatMap((pick) => {
      const detail = byId.get(pick.packageId);
      if (!detail) return []; // delisted between the two reads: the next look matches again without it
      return [
        {
          packageId: pick.packageId,
          category: pick.category,
          name: detail.name,
          vendorName: detail.vendorName,
          features: detail.features.filter((f) => pick.featureIds.includes(f.id)).map((f) => f.name),
          needsCovered: pick.needsCovered,
          costCents: pick.costCents,
          programmeCents: pick.programmeCents,
          shopCents: pick.shopCents,
          headroomAfterCents: pick.headroomAfterCents,
        },
      ];
    }),
  }));
  return {
    ok: true,
    businesses,
    business,
    capCents: settings.capCents,
    headroomCents: found.context.headroomCents,
    sets,
    excludedCategories: found.result.excludedCategories,
  };
}
