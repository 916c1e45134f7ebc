// Days an application has waited, in working days (Monday to Friday that are not Hong Kong general holidays), for
// the service standard. The holidays are data (an administrator keeps them): callers pass them in.
const DAY_MS = 24 * 60 * 60 * 1000;
const HK_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Hong Kong general holidays as calendar days 'YYYY-MM-DD'. Weekend days in it change nothing. */
export type Holidays = ReadonlySet<string>;

export const noHolidays: Holidays = new Set<string>();

/** Days since 1970-01-01 in Hong Kong time. */
const hkDayNumber = (instant: Date) => Math.floor((instant.getTime() + HK_OFFSET_MS) / DAY_MS);
const dayString = (dayNumber: number) => new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);

function isWorkingDay(dayNumber: number, holidays: Holidays): boolean {
  const weekday = (dayNumber + 4) % 7; // day 0 (1970-01-01) was a Thursday; 0 = Sunday
  if (weekday === 0 || weekday === 6) return false;
  return holidays.size === 0 || !holidays.has(dayString(dayNumber));
}

/** Whole working days from `from` to `to` (the start day not counted, like "2 working days after"). */
export function workingDaysBetween(from: Date, to: Date, holidays: Holidays): number {
  const start = hkDayNumber(from);
  const end = hkDayNumber(to);
  if (end <= start) return 0;
  let count = 0;
  for (let day = start + 1; day <= end; day++) if (isWorkingDay(day, holidays)) count++;
  return count;
}

export function breachesSla({
  submittedAt,
  now,
  slaWorkingDays,
  holidays,
}: {
  submittedAt: Date;
  now: Date;
  slaWorkingDays: number;
  holidays: Holidays;
}): boolean {
  return workingDaysBetween(submittedAt, now, holidays) > slaWorkingDays;
}

/** Submissions made before this instant have waited more than `slaWorkingDays` working days by `now`. */
export function slaBreachCutoff({ now, slaWorkingDays, holidays }: { now: Date; slaWorkingDays: number; holidays: Holidays }): Date {
  // Step back from today one day at a time, counting the working days passed, until a day has waited long enough:
  // workingDaysBetween(day, now) = working days in (day, today].
  let day = hkDayNumber(now);
  let waited = 0;
  while (waited <= slaWorkingDays) {
    if (isWorkingDay(day, holidays)) waited++;
    day--;
  }
  // Every moment of that day (and before) breaches; the next day does not.
  return new Date((day + 1) * DAY_MS - HK_OFFSET_MS);
}
