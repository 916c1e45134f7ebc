// Days an application has waited, in working days (Monday to Friday, Hong Kong calendar), for the service standard.
const DAY_MS = 24 * 60 * 60 * 1000;
const HK_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Whole working days from `from` to `to` (the start day not counted, like "2 working days after"). */
export function workingDaysBetween(from: Date, to: Date): number {
  const start = Math.floor((from.getTime() + HK_OFFSET_MS) / DAY_MS);
  const end = Math.floor((to.getTime() + HK_OFFSET_MS) / DAY_MS);
  if (end <= start) return 0;
  let count = 0;
  for (let day = start + 1; day <= end; day++) {
    const weekday = (day + 4) % 7; // day 0 (1970-01-01) was a Thursday; 0 = Sunday
    if (weekday !== 0 && weekday !== 6) count++;
  }
  return count;
}

export function breachesSla({ submittedAt, now, slaWorkingDays }: { submittedAt: Date; now: Date; slaWorkingDays: number }): boolean {
  return workingDaysBetween(submittedAt, now) > slaWorkingDays;
}

/** Submissions made before this instant have waited more than `slaWorkingDays` working days by `now`. */
export function slaBreachCutoff({ now, slaWorkingDays }: { now: Date; slaWorkingDays: number }): Date {
  // Start of today in Hong Kong, then step back whole days until one has waited long enough.
  const todayStart = Math.floor((now.getTime() + HK_OFFSET_MS) / DAY_MS) * DAY_MS - HK_OFFSET_MS;
  let dayStart = todayStart;
  while (workingDaysBetween(new Date(dayStart), now) <= slaWorkingDays) dayStart -= DAY_MS;
  // Every moment of that day (and before) breaches; the next day does not.
  return new Date(dayStart + DAY_MS);
}
