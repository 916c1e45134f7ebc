// Risk signals for case officers: facts worth a second look, each with its reason. They never decide an application.
import { priceSignals } from './category-requirements';
import { fundingSplit } from './funding';

/** Applications (from at least two enterprises) at one address that count as "many". */
export const MANY_AT_ADDRESS = 3;
/** A vendor's quotations only form a cluster worth showing from this many on. */
export const MIN_QUOTATIONS_FOR_CLUSTER = 3;
/** The share of a vendor's quotations near the ceiling that makes a cluster, in basis points: 5000 = half. */
export const NEAR_CEILING_SHARE_BPS = 5_000;

/*
 * Normalisers. Each is a chain of regular expressions written so that JavaScript and PostgreSQL read them the same
 * way (only \xHH and \uHHHH escapes, no \d or [:classes:] whose meaning depends on the database locale): the service
 * runs the very same patterns in SQL, so that a key computed here equals the one the database compares against.
 */

/** Everything that is not an ASCII digit. */
export const PHONE_NON_DIGITS_PATTERN = '[^0-9]';

/** "Flat/Room" wording (and its short forms), as a whole word: "Room 3" and "Rm. 3" match, "Showroom" and "United" do not. */
export const ADDRESS_UNIT_WORDS_PATTERN = '(?<![a-z])(?:flat|flt|room|rm|unit)(?![a-z])';

/**
 * Spaces and punctuation: every ASCII character but letters and digits, Latin-1 punctuation (no-break space, middle
 * dot…), general punctuation (dashes, quotes, the Chinese name dot ‧), CJK punctuation (、。「」《》【】…) and the
 * full-width forms of ASCII punctuation.
 */
export const ADDRESS_SEPARATORS_PATTERN =
  '[\\x01-\\x2F\\x3A-\\x40\\x5B-\\x60\\x7B-\\x7F\\u00A0-\\u00BF\\u2010-\\u2027\\u3000-\\u3003\\u3008-\\u3011\\u3014-\\u301F\\uFF01-\\uFF0F\\uFF1A-\\uFF20\\uFF3B-\\uFF40\\uFF5B-\\uFF65]';

const ASCII_UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ASCII_LOWER = 'abcdefghijklmnopqrstuvwxyz';

/** The digits of a phone number: "2345 6789", "2345-6789" and "23456789" are one number. */
export function normalisePhone(phone: string): string {
  return phone.replace(new RegExp(PHONE_NON_DIGITS_PATTERN, 'g'), '');
}

/**
 * The comparable form of an address: full-width characters folded (NFKC), ASCII case, spaces, punctuation and
 * "Flat/Room" wording ignored. The unit words go before and again after the punctuation, so that "Flat A" and
 * "fl.at" end up the same and the result is stable when normalised again.
 */
export function normaliseAddress(address: string): string {
  const units = new RegExp(ADDRESS_UNIT_WORDS_PATTERN, 'g');
  // Only ASCII letters change case, as SQL translate() does: no locale decides what "lower case" means.
  const lowered = address.normalize('NFKC').replace(/[A-Z]/g, (c) => ASCII_LOWER[ASCII_UPPER.indexOf(c)]!);
  return lowered.replace(units, '').replace(new RegExp(ADDRESS_SEPARATORS_PATTERN, 'g'), '').replace(units, '');
}

/** What the service found about other enterprises linked to this one (by phone, address or owner). */
export type PeerFacts = {
  /** Other enterprises sharing the link (for the owner: only those with a live application). */
  enterpriseCount: number;
  /** How many live applications those enterprises have. */
  applicationCount: number;
  /** References of some of those live applications, for the officer to open (at most a page of them). */
  references: string[];
};

/** One group of a vendor's quotations with the same eligible cost, and the ceiling its kind of package has. */
export type QuotationGroup = { eligibleCostCents: number; ceilingCents: number; count: number };

export type RiskFacts = {
  samePhone: PeerFacts;
  sameAddress: PeerFacts;
  /** Live applications from every enterprise at this address, this one included. */
  atAddress: { applicationCount: number; enterpriseCount: number };
  sameOwner: PeerFacts;
  /** All quotations of the application's vendor, grouped by eligible cost. */
  vendorQuotations: QuotationGroup[];
  /** Invoiced amounts of the claims made on this application. */
  claimInvoicedCents: number[];
  /** The programme share committed across all of the enterprise's live applications. */
  committedCents: number;
  /** Times another account tried to register this enterprise's BR number or licence (recorded registration conflicts). */
  registrationConflicts: number;
  /** Other profiles that carried this enterprise's BR number or licence and have live applications under it. */
  sameIdentity: PeerFacts;
  capCents: number;
  matchBps: number;
};

export type RiskSeverity = 'info' | 'warning';

type Peers = { enterpriseCount: number; applicationCount: number; references: string[] };

export type RiskSignal =
  | { code: 'same_phone'; severity: RiskSeverity; params: Peers }
  | { code: 'same_address'; severity: RiskSeverity; params: Peers }
  | { code: 'many_at_address'; severity: RiskSeverity; params: { applicationCount: number; enterpriseCount: number; threshold: number } }
  | { code: 'same_owner'; severity: RiskSeverity; params: Peers }
  | { code: 'registration_conflict'; severity: RiskSeverity; params: { count: number } }
  | { code: 'same_identity'; severity: RiskSeverity; params: Peers }
  | { code: 'quotes_near_ceiling'; severity: RiskSeverity; params: { nearCount: number; quotationCount: number } }
  | { code: 'invoice_at_cap'; severity: RiskSeverity; params: { basis: 'claim'; invoicedCents: number; capCents: number } }
  | { code: 'invoice_at_cap'; severity: RiskSeverity; params: { basis: 'committed'; committedCents: number; capCents: number } };

export type RiskCode = RiskSignal['code'];
export const riskCodes = [
  'same_phone',
  'same_address',
  'many_at_address',
  'same_owner',
  'registration_conflict',
  'same_identity',
  'quotes_near_ceiling',
  'invoice_at_cap',
] as const satisfies readonly RiskCode[];

const peers = (facts: PeerFacts): Peers => ({
  enterpriseCount: facts.enterpriseCount,
  applicationCount: facts.applicationCount,
  references: [...facts.references],
});

/** Whether a vendor's quotations cluster just under the ceiling: enough of them, and at least half within 5% below it. */
export function quotationCluster(groups: readonly QuotationGroup[]): { nearCount: number; quotationCount: number; clustered: boolean } {
  let quotationCount = 0;
  let nearCount = 0;
  for (const group of groups) {
    quotationCount += group.count;
    // One definition of "near the ceiling" for vetting and for risk: within 5% below it, or at it.
    if (priceSignals({ costCents: group.eligibleCostCents, ceilingCents: group.ceilingCents, medianCents: null }).nearCeiling)
      nearCount += group.count;
  }
  const clustered = quotationCount >= MIN_QUOTATIONS_FOR_CLUSTER && nearCount * 10_000 >= quotationCount * NEAR_CEILING_SHARE_BPS;
  return { nearCount, quotationCount, clustered };
}

/**
 * The signals that fire on these facts, in a fixed order. Severity: 'warning' for what deserves a look before
 * deciding (a phone shared with enterprises that applied, many applications at one address, another account's claim
 * to the BR number or licence, another profile's live applications under it, quotations clustered under the
 * ceiling, an invoice whose match is exactly the cap); 'info' for what is often innocent (a phone shared
 * with enterprises that never applied, a shared address, one owner with several shops, an enterprise that has simply
 * used its whole ceiling).
 */
export function riskSignals(facts: RiskFacts): RiskSignal[] {
  const signals: RiskSignal[] = [];
  if (facts.samePhone.enterpriseCount > 0) {
    signals.push({
      code: 'same_phone',
      severity: facts.samePhone.applicationCount > 0 ? 'warning' : 'info',
      params: peers(facts.samePhone),
    });
  }
  if (facts.sameAddress.enterpriseCount > 0) {
    signals.push({ code: 'same_address', severity: 'info', params: peers(facts.sameAddress) });
  }
  // One enterprise may hold one application per category: three of its own at its own address are ordinary.
  if (facts.atAddress.applicationCount >= MANY_AT_ADDRESS && facts.atAddress.enterpriseCount >= 2) {
    signals.push({ code: 'many_at_address', severity: 'warning', params: { ...facts.atAddress, threshold: MANY_AT_ADDRESS } });
  }
  if (facts.sameOwner.enterpriseCount > 0) {
    signals.push({ code: 'same_owner', severity: 'info', params: peers(facts.sameOwner) });
  }
  // Someone else said this BR number or licence is theirs: who really owns the business deserves a look.
  if (facts.registrationConflicts > 0) {
    signals.push({ code: 'registration_conflict', severity: 'warning', params: { count: facts.registrationConflicts } });
  }
  // Money of another profile under the same number counts against this one's ceiling (ADR 010): say where it is.
  if (facts.sameIdentity.enterpriseCount > 0) {
    signals.push({ code: 'same_identity', severity: 'warning', params: peers(facts.sameIdentity) });
  }
  const cluster = quotationCluster(facts.vendorQuotations);
  if (cluster.clustered) {
    signals.push({
      code: 'quotes_near_ceiling',
      severity: 'warning',
      params: { nearCount: cluster.nearCount, quotationCount: cluster.quotationCount },
    });
  }
  if (facts.capCents > 0) {
    // The match of the invoice alone (before any cap) lands exactly on the cap: fundingSplit says 'match', not 'cap'.
    const atCap = facts.claimInvoicedCents.find((invoicedCents) => {
      const split = fundingSplit({
        costCents: invoicedCents,
        committedCents: 0,
        rules: { matchBps: facts.matchBps, capCents: facts.capCents },
      });
      return split.limitedBy === 'match' && split.programmeCents === facts.capCents;
    });
    if (atCap !== undefined) {
      signals.push({
        code: 'invoice_at_cap',
        severity: 'warning',
        params: { basis: 'claim', invoicedCents: atCap, capCents: facts.capCents },
      });
    }
    if (facts.committedCents === facts.capCents) {
      signals.push({
        code: 'invoice_at_cap',
        severity: 'info',
        params: { basis: 'committed', committedCents: facts.committedCents, capCents: facts.capCents },
      });
    }
  }
  return signals;
}
