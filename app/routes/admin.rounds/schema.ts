// The settings form's schema, bounded as programme_settings' CHECKs, and how a valid form becomes a settings version.
import { z } from 'zod';
import { hongKongDayEnd, hongKongDayStart } from '../../domain/dates';
import { categories, sectors } from '../../domain/programme';
import type { Failure } from '../../lib/failures';
import { calendarDay, formList, moneyCents, requiredText, wholeNumber } from '../../lib/validation';

// Budget and cap may be 0, the ceilings must be above 0.
const money = moneyCents();
const ceiling = moneyCents({ minCents: 1 });
const whole = (min: number, max: number) => wholeNumber({ min, max });
const day = calendarDay;

export const settingsSchema = z
  .object({
    roundCode: requiredText({ max: 30 }),
    budget: money,
    cap: money,
    matchPercent: whole(1, 100),
    maxOneOff: ceiling,
    maxSubscriptionMonths: whole(1, 120),
    maxSubscriptionTotal: ceiling,
    deploymentMonths: whole(1, 36),
    maxEmployees: whole(1, 100_000),
    openSectors: formList(z.array(z.enum(sectors)).min(1, 'officer:choose_one_sector')),
    openCategories: formList(z.array(z.enum(categories)).min(1, 'officer:choose_one_category')),
    opensOn: day,
    closesOn: day,
    slaWorkingDays: whole(1, 365),
  })
  .refine((v) => typeof v.closesOn !== 'string' || typeof v.opensOn !== 'string' || v.closesOn > v.opensOn, {
    path: ['closesOn'],
    message: 'officer:closes_before_opens',
    when: () => true,
  })
  .transform((v) => ({
    roundCode: v.roundCode,
    budgetCents: v.budget,
    capCents: v.cap,
    matchBps: v.matchPercent * 100,
    maxOneOffCents: v.maxOneOff,
    maxSubscriptionMonths: v.maxSubscriptionMonths,
    maxSubscriptionTotalCents: v.maxSubscriptionTotal,
    deploymentMonths: v.deploymentMonths,
    maxEmployees: v.maxEmployees,
    openSectors: v.openSectors,
    openCategories: v.openCategories,
    // Dates are Hong Kong calendar days: the round opens at the start of the first and closes at the end of the last.
    opensAt: hongKongDayStart(v.opensOn),
    closesAt: hongKongDayEnd(v.closesOn),
    slaWorkingDays: v.slaWorkingDays,
  }));

export const settingsFailures = {
  // Below the money already approved: those promises must stay covered.
  budget_below_approved: { status: 400, message: 'officer:budget_below_approved', field: 'budget' },
} satisfies Record<string, Failure>;
