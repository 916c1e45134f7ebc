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

// Weekdays (Monday to Friday) among the day numbers before `n`, counted from day 0 (a Thursday), negative below it:
// weekdaysBefore(b) − weekdaysBefore(a) is the number of weekdays in [a, b). Per day of a week starting on Thursday:
// Thursday, Friday, Saturday, Sunday, Monday, Tuesday, Wednesday.
const WEEKDAYS_IN_FIRST = [0, 1, 2, 2, 2, 3, 4, 5];
function weekdaysBefore(n: number): number {
  const weeks = Math.floor(n / 7);
  return 5 * weeks + WEEKDAYS_IN_FIRST[n - 7 * weeks]!;
}

// The holidays that fall on a weekday, as sorted day numbers: computed once per set (a Holidays set is not changed after
// it is made; the services build a new one per read).
const weekdayHolidays = new WeakMap<Holidays, number[]>();
function weekdayHolidayNumbers(holidays: Holidays): number[] {
  let days = weekdayHolidays.get(holidays);
  if (!days) {
    days = [];
    for (const day of holidays) {
      const dayNumber = Date.parse(`${day}T00:00:00Z`) / DAY_MS;
      // Only a real calendar day written as 'YYYY-MM-DD' matches one (as the day-by-day count compared strings).
      if (!Number.isInteger(dayNumber) || dayString(dayNumber) !== day) continue;
      const weekday = (((dayNumber + 4) % 7) + 7) % 7;
      if (weekday !== 0 && weekday !== 6) days.push(dayNumber);
    }
    days.sort((a, b) => a - b);
    weekdayHolidays.set(holidays, days);
  }
  return days;
}

/** How many of the sorted numbers are below `n`. */
function countBelow(sorted: number[], n: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < n) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Whole working days from `from` to `to` (the start day not counted, like "2 working days after"). Counted, not
 * walked: the weekdays in (start, end] less the weekday holidays among them, so a case waiting a year costs what a
 * case waiting a day does (the queue computes it for every row it shows).
 */
export function workingDaysBetween(from: Date, to: Date, holidays: Holidays): number {
  const start = hkDayNumber(from);
  const end = hkDayNumber(to);
  if (!(end > start)) return 0;
  const weekdays = weekdaysBefore(end + 1) - weekdaysBefore(start + 1);
  if (holidays.size === 0) return weekdays;
  const off = weekdayHolidayNumbers(holidays);
  return weekdays - (countBelow(off, end + 1) - countBelow(off, start + 1));
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
