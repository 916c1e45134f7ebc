// Why the matcher recommended a package, as kept with the enquiry sent from a recommended set: codes and whole cents
// only, rendered in the reader's language wherever it is shown (owner, vendor, officer).
import { matchObjectives, needs, type MatchObjective, type MatchPick, type MatchSet, type Need, type UncoveredReason } from './matcher';
import type { LocalisedText } from './programme';

export type MatchReason = {
  /** Which of the matcher's sets it came from ('best', 'cheapest_for_you', …). */
  objective: MatchObjective;
  /** The stated needs this package meets, in the owner's order. */
  needsCovered: Need[];
  /** Every need the owner stated, most important first. */
  statedNeeds: Need[];
  /** How many packages the set held. */
  setSize: number;
  costCents: number;
  programmeCents: number;
  shopCents: number;
  /** The enterprise's remaining funding when the set was matched, and after this package within the set. */
  headroomBeforeCents: number;
  headroomAfterCents: number;
};

/** The reason for one pick of a set, as stored. */
export function matchReasonFor({ set, pick, statedNeeds }: { set: MatchSet; pick: MatchPick; statedNeeds: readonly Need[] }): MatchReason {
  return {
    objective: set.objective,
    needsCovered: [...pick.needsCovered],
    statedNeeds: [...statedNeeds],
    setSize: set.picks.length,
    costCents: pick.costCents,
    programmeCents: pick.programmeCents,
    shopCents: pick.shopCents,
    headroomBeforeCents: pick.headroomBeforeCents,
    headroomAfterCents: pick.headroomAfterCents,
  };
}

const MAX_CENTS = 100_000_000_00;

function isCents(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_CENTS;
}

function needList(value: unknown): Need[] | null {
  if (!Array.isArray(value) || value.length > needs.length) return null;
  if (!value.every((v) => (needs as readonly unknown[]).includes(v))) return null;
  return value as Need[];
}

/** A stored reason read back defensively: anything not in this exact shape is no reason at all (shown as nothing). */
export function parseMatchReason(value: unknown): MatchReason | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  const needsCovered = needList(v.needsCovered);
  const statedNeeds = needList(v.statedNeeds);
  if (!needsCovered || !statedNeeds) return null;
  if (!(matchObjectives as readonly unknown[]).includes(v.objective)) return null;
  if (typeof v.setSize !== 'number' || !Number.isInteger(v.setSize) || v.setSize < 1 || v.setSize > 10) return null;
  const money = ['costCents', 'programmeCents', 'shopCents', 'headroomBeforeCents', 'headroomAfterCents'] as const;
  if (!money.every((key) => isCents(v[key]))) return null;
  return {
    objective: v.objective as MatchObjective,
    needsCovered,
    statedNeeds,
    setSize: v.setSize,
    costCents: v.costCents as number,
    programmeCents: v.programmeCents as number,
    shopCents: v.shopCents as number,
    headroomBeforeCents: v.headroomBeforeCents as number,
    headroomAfterCents: v.headroomAfterCents as number,
  };
}

/** A set as the results page offered it: package and feature ids, so a stale or forged choice is recognised. */
export function setKey(set: Pick<MatchSet, 'picks'>): string {
  return set.picks.map((p) => `${p.packageId}:${[...p.featureIds].sort((a, b) => a - b).join('.')}`).join('-');
}

/** One package of a recommended set as the results page shows it (names in three languages, money in cents). */
export type PickView = {
  packageId: number;
  category: string;
  name: LocalisedText;
  vendorName: LocalisedText;
  features: LocalisedText[];
  needsCovered: Need[];
  costCents: number;
  programmeCents: number;
  shopCents: number;
  headroomAfterCents: number;
};

/** A recommended set as the results page shows it. */
export type SetView = {
  objective: MatchObjective;
  key: string;
  picks: PickView[];
  needsCovered: Need[];
  needsUncovered: { need: Need; reason: UncoveredReason }[];
  costCents: number;
  programmeCents: number;
  shopCents: number;
  headroomAfterCents: number;
};
