// Calendar days: 'YYYY-MM-DD' strings (they compare correctly as plain strings) and the day in Hong Kong.
const HONG_KONG_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar day in Asia/Hong_Kong (UTC+8 all year, no daylight saving) as YYYY-MM-DD. */
export function hongKongDay(now: Date): string {
  const time = now.getTime();
  if (Number.isNaN(time)) throw new RangeError('hongKongDay needs a valid date');
  return new Date(time + HONG_KONG_OFFSET_MS).toISOString().slice(0, 10);
}

/** True for a real calendar day written YYYY-MM-DD (no 31 February). */
export function isCalendarDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A calendar day as typed in forms: real, and within the years the database accepts. */
export function isRealDay(value: string): boolean {
  const year = Number(value.slice(0, 4));
  return isCalendarDay(value) && year >= 1900 && year < 2200;
}

/** The first instant of a Hong Kong calendar day: a round opens at the start of its first day. */
export function hongKongDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

/** The last second of a Hong Kong calendar day: a round closes at the end of its last day. */
export function hongKongDayEnd(day: string): Date {
  return new Date(`${day}T23:59:59+08:00`);
}
