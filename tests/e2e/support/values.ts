// Money, dates and unique values, worked out here independently of the app's code.
import { expect } from '@playwright/test';
import { CAP_CENTS, MONTHS } from './constants';

// ── Money ────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Whole cents, no floats: the first HK$ amount in a text ("… HK$12,345.67 …" → 1234567), or an amount as typed into a
 * form ("388.50" → 38850).
 */
export function toCents(text: string): number {
  const match = /HK\$([\d,]+)\.(\d{2})/.exec(text) ?? /^(\d+)\.(\d{2})$/.exec(text);
  if (!match) throw new Error(`No HK$ amount in "${text}"`);
  return Number(match[1]!.replace(/,/g, '')) * 100 + Number(match[2]);
}

/** 1234567 → "HK$12,345.67" */
export function hkd(cents: number): string {
  const dollars = String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `HK$${dollars}.${String(cents % 100).padStart(2, '0')}`;
}

/**
 * The eligible cost of a price line as the page shows it: one-off, or a monthly fee counted over its minimum contract
 * (when the line states one), at most 24 months.
 */
export function lineCostCents(priceLine: string): number {
  const price = toCents(priceLine);
  if (/a month/.test(priceLine)) {
    const contract = /minimum contract (\d+) months/.exec(priceLine);
    const months = contract ? Math.min(Number(contract[1]), MONTHS) : MONTHS;
    // The page also states the counted total; it must agree with our own sum.
    expect(priceLine).toContain(`(${hkd(price * months)} over ${months} months)`);
    return price * months;
  }
  expect(priceLine).toContain('one-off price');
  return price;
}

/** Who pays what of an eligible cost, in cents. */
export type Split = { cost: number; programme: number; shop: number };

/** A split as the subsidy calculator shows it, with the funding left under the cap before and after. */
export type CalculatorSplit = Split & { headroomBefore: number; headroomAfter: number; capped: boolean };

/** Half the cost rounded down to the cent, never past what is left under the cap after what is already committed. */
export function expectedSplit(costCents: number, committedCents = 0): CalculatorSplit {
  const headroomBefore = Math.max(0, CAP_CENTS - committedCents);
  const match = Math.floor(costCents / 2);
  const programme = Math.min(match, headroomBefore);
  return {
    cost: costCents,
    programme,
    shop: costCents - programme,
    headroomBefore,
    headroomAfter: headroomBefore - programme,
    capped: programme < match,
  };
}

/** The split for a shop with no funding yet: the programme pays half rounded down to the cent (at most the cap). */
export function splitForNewShop(costCents: number): Split {
  const programme = Math.min(Math.floor(costCents / 2), CAP_CENTS);
  return { cost: costCents, programme, shop: costCents - programme };
}

// ── Text, dates and unique values ────────────────────────────────────────────────────────────────────────────

/** The text, with every character a regular expression treats specially escaped. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Today in Hong Kong (UTC+8), 'YYYY-MM-DD'. */
export function hongKongToday(): string {
  return new Date(Date.now() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** The year in Hong Kong (UTC+8), as application references carry it. */
export function hongKongYear(): number {
  return new Date(Date.now() + 8 * 60 * 60 * 1000).getUTCFullYear();
}

/** A Business Registration Certificate valid for about another year, as YYYY-MM-DD. */
export function expiryNextYear(): string {
  return new Date(Date.now() + 365 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

// One copy for both suites: the database-backed tests make their businesses with the same numbers.
export { randomBrNumber, uniqueStamp } from '../../support/unique';
